/** Interview practice plan: minutes and typical questions per step (knowledge/practice.json). */
import data from './practice.json';

export interface PracticeData { totalMinutes: number; steps: { id: string; minutes: number; questions: string[] }[] }

export const practice = data;
