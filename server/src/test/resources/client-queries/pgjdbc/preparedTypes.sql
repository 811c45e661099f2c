-- What pgjdbc 42.7.14 sent to PostgreSQL 15 for preparedTypes (log_statement = 'all'), in order.
SET application_name = 'jcap_preparedTypes';
select $1::int4[], $2::text, $3::numeric;
-- parameters: $1 = '{1,2}', $2 = 'x', $3 = '1'
