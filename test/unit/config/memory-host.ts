/** An in-memory file host for config tests: absolute POSIX paths → text. Records every read. */
export function memoryHost(files: Record<string, string>) {
  const reads: string[] = [];
  return {
    reads,
    readFile(path: string): string | undefined {
      reads.push(path);
      if (path.startsWith('/unreadable')) throw new Error('EACCES: permission denied');
      return Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined;
    },
  };
}
