-- Which aliases a version holds (promote, withdraw, reject, the model page) was a scan of every
-- alias: the primary key starts with model_id. Found by bench/registry-api (10,000 models).
CREATE INDEX aliases_by_version ON aliases (version_id);
