-- When each service was last offered a young person: of equal candidates, the one offered least recently comes first.
-- Offers recorded before this table count as never offered (their time was not kept).
CREATE TABLE service_last_offers (
    service_id UUID        PRIMARY KEY,
    offered_at TIMESTAMPTZ NOT NULL
);
