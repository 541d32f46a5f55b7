-- Planner analytics (server/src/analytics/) need this on both PostgreSQL and the embedded
-- PGlite build.
--
-- Two-sided p-value of a standard normal z-score, P(|Z| >= |z|) = erfc(|z| / √2).
-- PostgreSQL 15 has no erf(); this is Abramowitz & Stegun (1964) formula 7.1.26, absolute
-- error below 1.5e-7, far finer than the 0.01 / 0.05 / 0.10 thresholds the bins use.
CREATE OR REPLACE FUNCTION normal_two_sided_p(z double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT LEAST(1.0, t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
           + t * (-1.453152027 + t * 1.061405429)))) -- exp() underflows (an error in PostgreSQL) below e^-745: clamp, the tail is 0 anyway
           * exp(-LEAST(x * x, 700.0)))
  FROM (SELECT abs(z) / sqrt(2.0) AS x) AS scaled,
       LATERAL (SELECT 1.0 / (1.0 + 0.3275911 * scaled.x) AS t) AS rational
$$;
