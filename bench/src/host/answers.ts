/**
 * The adapter's answers as the network gives them (JSON text) and each shadow
 * root's CSS, both recorded by the snapshot page in the same run.
 */
import answers from '../../out/answers.json';
import styles from '../../out/styles.json';
import type { Answers } from './view.js';

export const css = styles as Record<string, string[]>;

/** Parses every answer: part of the measured first render, as the library's validation is on its side. */
export function parseAnswers(): Answers {
  const text = answers as Record<string, string>;
  const parsed: Record<string, unknown> = {};
  for (const key in text) parsed[key] = JSON.parse(text[key]);
  return parsed as unknown as Answers;
}
