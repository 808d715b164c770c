-- 10,000 models x 10 versions, shaped like what `promoter` registers: metrics, params, framework
-- provenance and lineage per version; version 8 holds `production` (1-7 archived, as after seven
-- promotions), version 10 holds `staging`, version 9 was rejected. Run once on an empty registry.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO models (name, description, last_version, created_at, created_by)
SELECT format('model-%s', lpad(i::text, 5, '0')),
       'synthetic rRNA classifier ' || i, 10,
       timestamptz '2026-01-01' + i * interval '37 minutes', 'bench-seed'
FROM generate_series(1, 10000) AS i;

INSERT INTO model_versions (model_id, version, status, artifact_uri, artifact_sha256, framework,
                            metrics, params, provenance, dataset_digest, code_version, parent_run,
                            idempotency_key, created_at, created_by)
SELECT m.id, v,
       CASE WHEN v = 8 THEN 'ACTIVE' WHEN v = 9 THEN 'REJECTED' WHEN v = 10 THEN 'REGISTERED'
            ELSE 'ARCHIVED' END,
       'sha256/' || substr(d.h, 1, 2) || '/' || substr(d.h, 3, 2) || '/' || d.h,
       d.h,
       (ARRAY['tribuo', 'xgboost', 'djl'])[1 + v % 3],
       jsonb_build_object('accuracy', round((0.90 + (m.id * 7 + v) % 97 / 1000.0)::numeric, 4),
                          'macro_f1', round((0.88 + (m.id * 11 + v) % 113 / 1000.0)::numeric, 4),
                          'fragments_macro_f1', round((0.80 + (m.id * 13 + v) % 151 / 1000.0)::numeric, 4),
                          'train_seconds', 30 + (m.id + v) % 300),
       jsonb_build_object('trainer', (ARRAY['logreg', 'xgboost', 'cnn'])[1 + v % 3], 'k', '6',
                          'seed', (m.id * 10 + v)::text, 'epochs', '10', 'fragments', 'true'),
       jsonb_build_object('class-name', 'org.tribuo.classification.sgd.linear.LogisticRegressionTrainer',
                          'trainer', jsonb_build_object('seed', m.id * 10 + v, 'epochs', 10,
                              'loss', 'LogMulticlass', 'optimiser', 'AdaGrad(0.1)', 'minibatchSize', 1),
                          'dataset', jsonb_build_object('source', 'data/rrna/train.fasta.gz',
                              'examples', 10078, 'features', 4096, 'sha256', d.ds),
                          'java', '25', 'os', 'Linux amd64', 'tribuo', '4.3.2',
                          'trained-at', (timestamptz '2026-01-01' + (m.id * 10 + v) * interval '5 minutes')::text),
       d.ds, 'git:' || substr(md5(v::text), 1, 12), format('lifecycle-%s-%s', m.name, v),
       format('%s/%s', m.name, v),
       m.created_at + v * interval '1 day', (ARRAY['demo', 'alice', 'bob'])[1 + v % 3]
FROM models m
CROSS JOIN generate_series(1, 10) AS v
CROSS JOIN LATERAL (SELECT encode(sha256(convert_to(m.name || '/' || v, 'UTF8')), 'hex') AS h,
                           encode(sha256(convert_to('data/rrna/' || (m.id % 50), 'UTF8')), 'hex') AS ds) d;

INSERT INTO aliases (model_id, alias, version_id, updated_at)
SELECT mv.model_id, CASE mv.version WHEN 8 THEN 'production' ELSE 'staging' END, mv.id, mv.created_at
FROM model_versions mv WHERE mv.version IN (8, 10);
COMMIT;
-- what autovacuum does after a bulk insert: statistics, and the visibility map that lets the
-- page query skip its offset in the name index alone
VACUUM ANALYZE models;
VACUUM ANALYZE model_versions;
VACUUM ANALYZE aliases;
