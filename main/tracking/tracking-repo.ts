import type { Db } from '../db/connection.js';

/** The SQL behind tracking: documents matched to a dispatch, and exemptions. */

export interface MatchedDocument {
  id: number;
  unit_id: number;
  period_key: string | null;
  status: 'registered' | 'needs_review';
  received_date: string;
  arrival_number: number;
  arrival_year: number;
}

export interface ExemptionRow {
  unit_id: number;
  period_key: string;
  reason: string;
  decided_by: string;
  decided_at: string;
}

export function createTrackingRepo(db: Db) {
  const documents = db.prepare<[number], MatchedDocument>(`
    SELECT id, unit_id, period_key, status, received_date, arrival_number, arrival_year
      FROM incoming_documents WHERE dispatch_id = ? AND unit_id IS NOT NULL ORDER BY received_date, arrival_year, arrival_number`);
  const exemptions = db.prepare<[number], ExemptionRow>(`
    SELECT unit_id, period_key, reason, decided_by, decided_at FROM obligation_exemptions
     WHERE dispatch_id = ? AND withdrawn_at IS NULL`);
  const addExemption = db.prepare(`
    INSERT INTO obligation_exemptions (dispatch_id, unit_id, period_key, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const withdraw = db.prepare(`
    UPDATE obligation_exemptions SET withdrawn_at = ? WHERE dispatch_id = ? AND unit_id = ? AND period_key = ? AND withdrawn_at IS NULL`);
  return {
    documents: (dispatchId: number): MatchedDocument[] => documents.all(dispatchId),
    exemptions: (dispatchId: number): ExemptionRow[] => exemptions.all(dispatchId),
    addExemption: (dispatchId: number, unitId: number, periodKey: string, reason: string, by: string, at: string): void =>
      void addExemption.run(dispatchId, unitId, periodKey, reason, by, at),
    withdrawExemption: (dispatchId: number, unitId: number, periodKey: string, at: string): number => withdraw.run(at, dispatchId, unitId, periodKey).changes,
  };
}
