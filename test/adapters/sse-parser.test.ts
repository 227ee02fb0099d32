import { expect } from '@open-wc/testing';
import { createSseParser, type SseBlock } from '../../src/adapters/sse-parser.js';

/** Feeds the chunks and lists what the parser reported. */
function parse(...chunks: string[]) {
  const blocks: SseBlock[] = [];
  const retries: number[] = [];
  let comments = 0;
  const parser = createSseParser({
    onBlock: (block) => blocks.push(block),
    onRetry: (ms) => retries.push(ms),
    onComment: () => (comments += 1),
  });
  for (const chunk of chunks) parser.feed(chunk);
  return { blocks, retries, comments };
}

describe('the event-stream parser', () => {
  it('reads events, ids and multi-line data', () => {
    const { blocks } = parse('event: plan\nid: 7\ndata: {"a":\ndata: 1}\n\n');
    expect(blocks).to.deep.equal([{ event: 'plan', id: '7', data: '{"a":\n1}' }]);
  });

  it('accepts CRLF, LF and CR line ends, also split between chunks', () => {
    const whole = parse('data: a\r\n\r\ndata: b\r\rdata: c\n\n').blocks.map((b) => b.data);
    expect(whole).to.deep.equal(['a', 'b', 'c']);
    const split = parse('data: a\r', '\n\r', '\ndata: b\r', '\r').blocks.map((b) => b.data);
    expect(split).to.deep.equal(['a', 'b']);
  });

  it('joins a line split across any number of chunks', () => {
    const text = 'event: activity\ndata: {"id":"x"}\n\n';
    const { blocks } = parse(...text.split(''));
    expect(blocks).to.deep.equal([{ event: 'activity', data: '{"id":"x"}', id: undefined }]);
  });

  it('drops a leading byte order mark, only at the very start', () => {
    expect(parse('\uFEFFdata: a\n\n').blocks[0].data).to.equal('a');
    // Later, it is part of the field name: "\uFEFFdata" is no field we know.
    expect(parse('data: a\n\n', '\uFEFFdata: b\n\n').blocks.map((b) => b.data)).to.deep.equal(['a']);
  });

  it('counts comments, takes digits-only retry fields, ignores unknown fields', () => {
    const { blocks, retries, comments } = parse(':keep-alive\nretry: 2500\nretry: 1e3\nfoo: bar\n\n');
    expect(comments).to.equal(1);
    expect(retries).to.deep.equal([2500]);
    expect(blocks).to.deep.equal([]);
  });

  it('reports a block with only an id (it moves the last event id) and a field with no colon', () => {
    expect(parse('id: 9\n\n').blocks).to.deep.equal([{ event: '', data: '', id: '9' }]);
    expect(parse('id\n\n').blocks).to.deep.equal([{ event: '', data: '', id: '' }]);
    expect(parse('data\n\n').blocks).to.deep.equal([{ event: '', data: '', id: undefined }]);
  });

  it('ignores an id with a NULL, keeps only one leading space of a value', () => {
    expect(parse('id: a\0b\ndata: x\n\n').blocks[0].id).to.equal(undefined);
    expect(parse('data:  two\n\n').blocks[0].data).to.equal(' two');
    expect(parse('data:none\n\n').blocks[0].data).to.equal('none');
  });

  it('does not report a block the stream cut off before its blank line', () => {
    expect(parse('event: plan\ndata: {}\n').blocks).to.deep.equal([]);
  });
});
