-- What pgjdbc 42.7.14 sent to PostgreSQL 15 for connect (log_statement = 'all'), in order.
SET application_name = 'jcap_connect';
