using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KoreaTimeline.Data.Postgres.Migrations
{
    /// <summary>
    /// The full-text index of the timeline on PostgreSQL, the counterpart of SQLite's FTS5 table: <c>EventSearch</c> holds
    /// one row per event (its title, quotes, actor names and place), kept right by triggers on every table that feeds it;
    /// its <c>Document</c> is a generated tsvector (title weighted A, actors B, place C, quotes D) under a GIN index. The
    /// text search configuration <c>timeline_search</c> is <c>simple</c> (no stemming, no stop words, like FTS5's
    /// unicode61) with accents removed (unaccent), so "seoul" finds "Séoul". <c>timeline_search_query</c> turns the
    /// cleaned terms into a tsquery: phrases through <c>websearch_to_tsquery</c>, prefixes from PostgreSQL's own
    /// rendering of the phrase plus <c>:*</c>, so no user text is ever parsed as query syntax.
    /// </summary>
    public partial class EventSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION timeline_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION timeline_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

                CREATE TABLE "EventSearch" (
                    "EventId" integer PRIMARY KEY REFERENCES "Events" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL,
                    "Quotes" text NOT NULL,
                    "Actors" text NOT NULL,
                    "Place" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('timeline_search', "Title"), 'A')
                        || setweight(to_tsvector('timeline_search', "Actors"), 'B')
                        || setweight(to_tsvector('timeline_search', "Place"), 'C')
                        || setweight(to_tsvector('timeline_search', "Quotes"), 'D')) STORED);
                CREATE INDEX "IX_EventSearch_Document" ON "EventSearch" USING GIN ("Document");

                -- Rewrites the rows of the given events from the current data; an event that no longer exists gets none.
                CREATE FUNCTION timeline_search_refresh(ids integer[]) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "EventSearch" WHERE "EventId" = ANY (ids);
                    INSERT INTO "EventSearch" ("EventId", "Title", "Quotes", "Actors", "Place")
                    SELECT e."Id", e."Title",
                        COALESCE((SELECT string_agg(v."Text", ' … ' ORDER BY v."Id") FROM "Evidence" v WHERE v."EventId" = e."Id"), ''),
                        COALESCE((SELECT string_agg(a."Name", ', ' ORDER BY a."Id") FROM "EventActors" ea JOIN "Actors" a ON a."Id" = ea."ActorId" WHERE ea."EventId" = e."Id"), ''),
                        COALESCE(e."Location", '')
                    FROM "Events" e WHERE e."Id" = ANY (ids);
                $$;

                CREATE FUNCTION timeline_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'Events' THEN
                        PERFORM timeline_search_refresh(ARRAY[NEW."Id"]);
                    ELSIF TG_TABLE_NAME = 'Actors' THEN
                        PERFORM timeline_search_refresh(ARRAY(SELECT "EventId" FROM "EventActors" WHERE "ActorId" = NEW."Id"));
                    ELSIF TG_OP = 'INSERT' THEN
                        PERFORM timeline_search_refresh(ARRAY[NEW."EventId"]);
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM timeline_search_refresh(ARRAY[OLD."EventId"]);
                    ELSE
                        PERFORM timeline_search_refresh(ARRAY[OLD."EventId", NEW."EventId"]);
                    END IF;
                    RETURN NULL;
                END $$;

                -- A deleted event takes its row with it (ON DELETE CASCADE).
                CREATE TRIGGER "EventSearch_Events" AFTER INSERT OR UPDATE OF "Title", "Location" ON "Events"
                    FOR EACH ROW EXECUTE FUNCTION timeline_search_changed();
                CREATE TRIGGER "EventSearch_Evidence" AFTER INSERT OR DELETE OR UPDATE OF "Text", "EventId" ON "Evidence"
                    FOR EACH ROW EXECUTE FUNCTION timeline_search_changed();
                CREATE TRIGGER "EventSearch_EventActors" AFTER INSERT OR DELETE OR UPDATE ON "EventActors"
                    FOR EACH ROW EXECUTE FUNCTION timeline_search_changed();
                CREATE TRIGGER "EventSearch_Actors" AFTER UPDATE OF "Name" ON "Actors"
                    FOR EACH ROW EXECUTE FUNCTION timeline_search_changed();

                -- Phrases (quoted, so websearch_to_tsquery reads no operator) and prefixes (letters and digits only) into
                -- one tsquery; every part must match.
                CREATE FUNCTION timeline_search_query(phrases text, prefixes text[]) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE AS $$
                DECLARE
                    result tsquery := websearch_to_tsquery('timeline_search', phrases);
                    prefix text;
                    part tsquery;
                BEGIN
                    FOREACH prefix IN ARRAY prefixes LOOP
                        part := phraseto_tsquery('timeline_search', prefix);
                        IF numnode(part) > 0 THEN
                            result := result && (part::text || ':*')::tsquery;
                        END IF;
                    END LOOP;
                    RETURN result;
                END $$;

                SELECT timeline_search_refresh(ARRAY(SELECT "Id" FROM "Events"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS timeline_search_query(text, text[]);
                DROP TABLE IF EXISTS "EventSearch";
                DROP TRIGGER IF EXISTS "EventSearch_Events" ON "Events";
                DROP TRIGGER IF EXISTS "EventSearch_Evidence" ON "Evidence";
                DROP TRIGGER IF EXISTS "EventSearch_EventActors" ON "EventActors";
                DROP TRIGGER IF EXISTS "EventSearch_Actors" ON "Actors";
                DROP FUNCTION IF EXISTS timeline_search_changed();
                DROP FUNCTION IF EXISTS timeline_search_refresh(integer[]);
                DROP TEXT SEARCH CONFIGURATION IF EXISTS timeline_search;
                """);
        }
    }
}
