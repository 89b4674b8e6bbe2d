import type { Command } from 'commander';
import type { Io } from '../context.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

// Filled in by the documents work: `tiendo report review|appendix|conclusion|article`.
export function registerReport(_program: Command, _common: Common, _L: Say, _io: Io): void {}
