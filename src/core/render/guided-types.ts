/** The guided walk's data, embedded in the page as JSON and read by the webview script. */
export interface GuidedBranch {
  label: string;
  line: number;
  kind: 'action' | 'proceed' | 'return' | 'none';
  outcome?: string;
  target?: number;
}

export interface GuidedStep {
  number: number;
  title: string;
  line: number;
  question?: string;
  branches: GuidedBranch[];
}

export interface GuidedData {
  steps: GuidedStep[];
}
