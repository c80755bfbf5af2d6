-- banking: when a transfer last became ACCEPTED (at once, on confirmation, or on its date by the scheduler). The
-- scheduler finishes accepted transfers no request finished; it must judge "stranded" from this moment, not from
-- the acceptance of the request days earlier, or it would drive a scheduled transfer a second node just started.
alter table transfers add column started_at timestamptz;
