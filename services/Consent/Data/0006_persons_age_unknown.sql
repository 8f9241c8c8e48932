-- A young person who referred themself may not have given a birth date: their age is unknown until a worker confirms it.
ALTER TABLE persons ALTER COLUMN age_years DROP NOT NULL;
