// The voice bot's calls and what it recognised in them (migration 0033).
import type { ColumnType, Generated } from "kysely";

export type VoiceOutcome = "submitted" | "refused" | "handed_over" | "abandoned" | "out_of_hours" | "failed";

export interface VoiceCallsTable {
  id: string;
  provider_id: number | null;
  caller: string | null;
  line: string | null;
  announced_at: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
  locale: "uk" | "ru" | "en" | null;
  sample_rate: number | null;
  outcome: VoiceOutcome | null;
  steps: ColumnType<unknown[], string | undefined, string>;
  readings: Generated<number>;
}

export interface VoiceRecognitionsTable {
  call_id: string;
  seq: number;
  step: string;
  input: "speech" | "keys" | "silence";
  engine: string | null;
  language: "uk" | "ru" | null;
  transcript: string | null;
  confidence: string | null;
  duration_ms: number | null;
  parsed: ColumnType<unknown, string | null, string | null> | null;
  at: Date;
}
