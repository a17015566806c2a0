/**
 * The guided walk's data: the core's renderer embeds it in the page as JSON and the webview script
 * reads it. A contract between the two, so it lives beside both: the webview takes no file of the core.
 */
export interface GuidedBranch {
  label: string;
  line: number;
  kind: 'action' | 'proceed' | 'return' | 'none';
  outcome?: string;
  /** Line of the "Take Action" text, when there is one. */
  outcomeLine?: number;
  target?: number;
  /**
   * The outcome only names the step to go to ("Proceed to Step 4."): the walk goes straight on.
   * Otherwise its text is an action to take first, shown with a Continue button.
   */
  jumpOnly?: boolean;
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
