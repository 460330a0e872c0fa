import { fromArray } from '../testing/async-iterables';
import { chunkedLines } from './chunked-lines';

const drain = async (chunks: AsyncIterable<string>): Promise<string[]> => {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
};

describe('chunkedLines', () => {
  it('hands lines on in chunks of at least the size, the rest last, none lost or split', async () => {
    const lines = ['ab\n', 'cd\n', 'ef\n', 'g\n'];
    expect(await drain(chunkedLines(fromArray(lines), 5))).toEqual(['ab\ncd\n', 'ef\ng\n']);
    expect(await drain(chunkedLines(fromArray(lines), 100))).toEqual(['ab\ncd\nef\ng\n']);
  });

  it('hands on nothing for no lines', async () => {
    expect(await drain(chunkedLines(fromArray([])))).toEqual([]);
  });
});
