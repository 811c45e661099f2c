-- psql -f: several statements, a transaction, an error with its LINE/caret, and results in aligned format.
CREATE TABLE fruit (id integer PRIMARY KEY, name text NOT NULL, price numeric(6,2));
INSERT INTO fruit VALUES (1, 'apple', 0.50), (2, 'banana', 0.25), (3, 'cherry', NULL);
SELECT * FROM fruit ORDER BY id;
BEGIN;
UPDATE fruit SET price = price * 2 WHERE id = 1;
SELECT name, price FROM fruit WHERE id = 1;
ROLLBACK;
SELECT count(*) AS n, sum(price) AS total FROM fruit;
SELEC 1;
INSERT INTO fruit VALUES (1, 'again', 1);
SELECT name FROM fruit WHERE price IS NULL;
DROP TABLE fruit;
