import { modelMatcher } from './model-pattern';

describe('modelMatcher', () => {
  it('lets `*` allow every model', () => {
    expect(modelMatcher(['*'])('anything/at-all')).toBe(true);
  });

  it('matches literal names exactly', () => {
    const allows = modelMatcher(['openai/gpt-4o-mini']);
    expect(allows('openai/gpt-4o-mini')).toBe(true);
    expect(allows('openai/gpt-4o')).toBe(false);
    expect(allows('openai/gpt-4o-mini-2')).toBe(false);
  });

  it('matches a star against any run of characters, anchored at both ends', () => {
    const allows = modelMatcher(['anthropic/*', '*-free']);
    expect(allows('anthropic/claude-3.5-sonnet')).toBe(true);
    expect(allows('meta/llama-3-free')).toBe(true);
    expect(allows('openai/anthropic/x')).toBe(false);
    expect(allows('meta/llama-3-free-not')).toBe(false);
  });

  it('matches stars inside a pattern and several stars', () => {
    const allows = modelMatcher(['openai/gpt-*-mini', 'meta/*llama*']);
    expect(allows('openai/gpt-4o-mini')).toBe(true);
    expect(allows('openai/gpt-4o-mini-2')).toBe(false);
    expect(allows('meta/code-llama-3')).toBe(true);
    expect(allows('meta/mistral')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    const allows = modelMatcher(['openai/gpt-4.1*']);
    expect(allows('openai/gpt-4.1-mini')).toBe(true);
    expect(allows('openai/gpt-4x1-mini')).toBe(false);
  });

  it('allows nothing with no patterns', () => {
    expect(modelMatcher([])('openai/gpt-4o')).toBe(false);
  });
});
