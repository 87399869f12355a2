// Business travel and expense claims (issue 5): the indexes their mutators look documents up
// by, the example travel standards (marked as an example) and default routes for trips and claims.
import type { Queryable } from '../database';
import { writeDocuments } from '../documents';
import { travelSystemDocuments } from '../../seed/system';

const INDEXES = `
CREATE INDEX documents_trip_requester ON documents ((data->>'requesterId')) WHERE collection = 'travelRequests';
CREATE INDEX documents_trip_pending_ids ON documents USING gin ((data->'pendingApproverIds')) WHERE collection = 'travelRequests';
CREATE INDEX documents_trip_companions ON documents USING gin ((data->'companionIds')) WHERE collection = 'travelRequests';
CREATE INDEX documents_claim_requester ON documents ((data->>'requesterId')) WHERE collection = 'expenseClaims';
CREATE INDEX documents_claim_pending_ids ON documents USING gin ((data->'pendingApproverIds')) WHERE collection = 'expenseClaims';
CREATE INDEX documents_claim_trip ON documents ((data->>'travelRequestId')) WHERE collection = 'expenseClaims';
`;

export async function up(tx: Queryable): Promise<void> {
  await tx.exec(INDEXES);
  await writeDocuments(tx, travelSystemDocuments(new Date().toISOString()));
}
