import { describe, expect, it } from 'vitest';
import { actionInputs, checkArgs } from '../../src/action/inputs.js';
import { npxLauncher } from '../../src/action/npx.js';
import { outputEntry } from '../../src/action/outputs.js';
import { readOutputs } from '../helpers/action.js';

describe('the Action\'s inputs', () => {
  it('become check arguments: values joined to their options, files after --', () => {
    const inputs = actionInputs({ INPUT_FILES: ' -h \n\n$(rm -rf ~)\r\n', INPUT_KNOWLEDGE: '--strict', INPUT_STRICT: 'true', INPUT_FORMAT: '' });
    expect(checkArgs(inputs, inputs.format, 'out.sarif')).toEqual(['check', '--format=github', '--output=out.sarif', '--strict', '--knowledge=--strict', '--', '-h', '$(rm -rf ~)']);
  });

  it('refuse a sarif-file with a line break and a version that is not one', () => {
    expect(() => actionInputs({ INPUT_SARIF: 'true', INPUT_SARIF_FILE: 'a.sarif\nexit-code=0' })).toThrow(/line break/);
    expect(actionInputs({ INPUT_SARIF: 'false', INPUT_SARIF_FILE: 'a\nb' }).sarifFile).toBeUndefined();
    expect(() => actionInputs({ INPUT_VERSION: 'file:../evil' })).toThrow(/not a version/);
    expect(actionInputs({ INPUT_VERSION: ' 1.2.0-beta.1 ' }).version).toBe('1.2.0-beta.1');
  });
});

describe('GITHUB_OUTPUT entries', () => {
  it('hold any value whole, so a value cannot start an output of its own', () => {
    const text = outputEntry('sarif-file', 'a\nexit-code=0', 'DELIM') + outputEntry('exit-code', '1', 'OTHER');
    expect(readOutputs(text)).toEqual({ 'sarif-file': 'a\nexit-code=0', 'exit-code': '1' });
    expect(() => outputEntry('x', 'DELIM', 'DELIM')).toThrow();
  });
});

describe('npx without a shell', () => {
  it('on Windows runs npm\'s npx-cli.js with node, found beside npx.cmd on the PATH or beside node', () => {
    const files = new Set(['D:\\tools\\node\\npx.cmd', 'D:\\tools\\node\\node_modules\\npm\\bin\\npx-cli.js', 'C:\\nodejs\\node_modules\\npm\\bin\\npx-cli.js']);
    const exists = (f: string) => files.has(f);
    expect(npxLauncher('win32', 'C:\\Windows;D:\\tools\\node', 'C:\\nodejs\\node.exe', exists)).toEqual({ command: 'C:\\nodejs\\node.exe', prefix: ['D:\\tools\\node\\node_modules\\npm\\bin\\npx-cli.js'] });
    expect(npxLauncher('win32', 'C:\\Windows', 'C:\\nodejs\\node.exe', exists)).toEqual({ command: 'C:\\nodejs\\node.exe', prefix: ['C:\\nodejs\\node_modules\\npm\\bin\\npx-cli.js'] });
    expect(npxLauncher('win32', '', 'E:\\node.exe', exists)).toBeUndefined();
    expect(npxLauncher('linux', '/usr/bin', '/usr/bin/node', exists)).toEqual({ command: 'npx', prefix: [] });
  });
});
