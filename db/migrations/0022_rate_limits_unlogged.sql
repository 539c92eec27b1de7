-- Rate-limit counters and slots are unlogged: a hit then commits without waiting
-- for the write-ahead log to reach the disk (it writes none), which every API
-- request, sign-in and link makes. Lost in a crash (the table is emptied on
-- recovery) and absent on a replica: a limit then starts counting afresh.
ALTER TABLE "rate_limits" SET UNLOGGED;
