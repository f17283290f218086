/** GITHUB_OUTPUT's entries, in both forms the runner reads (`name=value` and `name<<delimiter`). */
export function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const [name, value] = lines[i]!.split(/=(.*)/s);
      outputs[name!] = value!;
    }
  }
  return outputs;
}
