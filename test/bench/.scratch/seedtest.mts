import { startServerChild } from '../serverChild';
for (const db of ['pglite', 'pglite-memory']) {
  const s = await startServerChild({ db });
  console.log(db, s.url, await s.memory());
  console.log('seed 10000 per-doc seq', await s.seed(0, 10000));
  console.log('seed 10000 10 docs/seq', await s.seed(10000, 10000, { docsPerSeq: 10 }));
  console.log(await s.memory());
  await s.stop();
}
