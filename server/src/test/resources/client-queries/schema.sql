-- The schema the captured psql 15 / pgjdbc catalog queries run against (same on PostgreSQL 15 and Tusk).
CREATE ROLE alice LOGIN;
CREATE SCHEMA app;
CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE t (
    id serial PRIMARY KEY,
    name varchar(40) NOT NULL,
    qty integer DEFAULT 0 CHECK (qty >= 0),
    code text UNIQUE,
    price numeric(10,2),
    parent_id integer REFERENCES parent (id) ON DELETE CASCADE,
    created timestamp with time zone DEFAULT now()
);
CREATE INDEX t_name_idx ON t (name);
CREATE TABLE app.item (sku bigint PRIMARY KEY, label text);
CREATE VIEW v AS SELECT id, name FROM t;
CREATE SEQUENCE s;
COMMENT ON TABLE t IS 'a test table';
