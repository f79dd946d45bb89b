using Microsoft.Data.Sqlite;
using Npgsql;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

/// <summary>
/// The annual table in one hand-written statement: what a DBA would write for it, and so the yardstick for the engine.
/// One scan of each table's year, conditional aggregates for the figures within it; the columns are named by figure id.
/// Of the forms tried for the LWO's distinct cases (distinct pairs, one row per case, per route), this was the fastest on both.
/// </summary>
public static class AnnualStatisticsSql
{
    public static async Task<IReadOnlyDictionary<string, long>> ComputeAsync(BenchDatabase database, IReadOnlyList<string> municipalities, int year)
    {
        if (database.Provider == StorageProvider.PostgreSql)
        {
            await using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Location) { CommandTimeout = 0 }.ConnectionString);
            await pg.OpenAsync();
            // PostgreSQL knows Europe/Amsterdam: it turns the year's first days into the instants the arrivals are compared with.
            await using var command = new NpgsqlCommand(Statement("\"Municipality\" = ANY(@municipalities)",
                "@from::timestamp AT TIME ZONE 'Europe/Amsterdam'", "@to::timestamp AT TIME ZONE 'Europe/Amsterdam'"), pg);
            command.Parameters.AddWithValue("municipalities", municipalities.ToArray());
            command.Parameters.AddWithValue("from", new DateOnly(year, 1, 1));
            command.Parameters.AddWithValue("to", new DateOnly(year + 1, 1, 1));
            return await ReadAsync(command);
        }

        await using var sqlite = new SqliteConnection(database.SqliteConnectionString);
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        // SQLite has no time-zone database: the Amsterdam year boundaries come in as instants (Unix ticks, as the engine stores them).
        query.CommandText = Statement($"\"Municipality\" IN ({string.Join(", ", municipalities.Select((_, i) => $"@m{i}"))})", "@fromTicks", "@toTicks");
        for (var i = 0; i < municipalities.Count; i++) query.Parameters.AddWithValue($"@m{i}", municipalities[i]);
        query.Parameters.AddWithValue("@from", $"{year:D4}-01-01");
        query.Parameters.AddWithValue("@to", $"{year + 1:D4}-01-01");
        query.Parameters.AddWithValue("@fromTicks", SampleChain.YearStart(year).ToUnixTimeTicks());
        query.Parameters.AddWithValue("@toTicks", SampleChain.YearStart(year + 1).ToUnixTimeTicks());
        return await ReadAsync(query);
    }

    private static async Task<IReadOnlyDictionary<string, long>> ReadAsync(System.Data.Common.DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("The annual statement returned no row.");
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Convert.ToInt64(reader.GetValue(i)));
    }

    /// <param name="inScope">The predicate on "Municipality" for the scope's municipalities.</param>
    /// <param name="arrivedFrom">The instant the year starts in Amsterdam (arrivals at the LWO and receipts are instants); <c>@from</c> and <c>@to</c> are its first days as dates.</param>
    private static string Statement(string inScope, string arrivedFrom, string arrivedTo) => $"""
        WITH lwo AS (
            -- A case belongs to one municipality: its distinct cases add up, and each distinct set stays small.
            SELECT count(DISTINCT "CaseId") AS handled,
                   count(DISTINCT "CaseId") FILTER (WHERE "Route" = 'Politie') AS to_politie,
                   count(DISTINCT "CaseId") FILTER (WHERE "Route" = 'HandhavingWabo') AS to_handhaving_wabo,
                   count(DISTINCT "CaseId") FILTER (WHERE "Route" = 'HandhavingOpenbareRuimte') AS to_handhaving_openbare_ruimte,
                   count(DISTINCT "CaseId") FILTER (WHERE "Route" = 'Ketenpartner') AS to_ketenpartner,
                   count(DISTINCT "CaseId") FILTER (WHERE "Route" = 'Atom') AS to_atom,
                   count(DISTINCT "CaseId") FILTER (WHERE "Route" = 'Mot') AS to_mot,
                   count(DISTINCT "CaseId") FILTER (WHERE "Route" = 'GeenVervolg') AS to_geen_vervolg
            FROM lwo_decisions
            WHERE {inScope} AND "MeetingDate" >= @from AND "MeetingDate" < @to
            GROUP BY "Municipality"
        ), lwo_figures AS (
            SELECT coalesce(sum(handled), 0) AS "lwo.behandeld",
                   coalesce(sum(to_politie), 0) AS "lwo.politie",
                   coalesce(sum(to_handhaving_wabo), 0) AS "lwo.handhaving-wabo",
                   coalesce(sum(to_handhaving_openbare_ruimte), 0) AS "lwo.handhaving-openbare-ruimte",
                   coalesce(sum(to_ketenpartner), 0) AS "lwo.ketenpartner",
                   coalesce(sum(to_atom), 0) AS "lwo.atom",
                   coalesce(sum(to_mot), 0) AS "lwo.mot",
                   coalesce(sum(to_geen_vervolg), 0) AS "lwo.geen-vervolg",
                   coalesce(sum(to_mot), 0) AS "mot.casussen"
            FROM lwo
        ), atom AS (
            SELECT count(*) AS "atom.locaties",
                   count(*) FILTER (WHERE "LastOnderDwangsom") AS "atom.last-onder-dwangsom",
                   count(DISTINCT "CaseId") FILTER (WHERE "HandhavingWabo") AS "atom.handhaving-wabo",
                   count(DISTINCT "CaseId") FILTER (WHERE "SocialeRecherche") AS "atom.sociale-recherche",
                   count(*) FILTER (WHERE "Other") AS "atom.overig"
            FROM atom_inspections
            WHERE {inScope} AND "InspectedOn" >= @from AND "InspectedOn" < @to
        ), mot AS (
            SELECT count(*) FILTER (WHERE "Type" = 'Bestuurlijk') AS "mot.bestuurlijk",
                   count(*) FILTER (WHERE "Type" = 'Strafrechtelijk') AS "mot.strafrechtelijk",
                   count(*) FILTER (WHERE "Type" = 'Fiscaal') AS "mot.fiscaal"
            FROM interventions
            WHERE {inScope} AND "DecidedOn" >= @from AND "DecidedOn" < @to AND "Status" <> 'Dropped'
        ), bibob AS (
            SELECT count(*) AS "bibob.screenings",
                   count(*) FILTER (WHERE "Kind" = 'InDepth') AS "bibob.verdiepend",
                   count(*) FILTER (WHERE "Outcome" = 'PermitOrManagerRefused') AS "bibob.weigering",
                   count(*) FILTER (WHERE "Outcome" = 'WithdrawnOrNotProcessed') AS "bibob.buiten-behandeling",
                   count(*) FILTER (WHERE "Outcome" = 'AdviceAskedOfLbb') AS "bibob.advies-lbb"
            FROM bibob_screenings
            WHERE {inScope} AND "Date" >= @from AND "Date" < @to
        ), closures AS (
            SELECT count(*) AS "handhaving.drugspanden"
            FROM drug_premises_closures
            WHERE {inScope} AND "ClosedOn" >= @from AND "ClosedOn" < @to
        ), penalties AS (
            SELECT count(*) AS "handhaving.dwangsommen-straathandel",
                   count(*) FILTER (WHERE "Party" = 'Seller') AS "handhaving.dwangsommen-verkopers",
                   count(*) FILTER (WHERE "Party" = 'Buyer') AS "handhaving.dwangsommen-kopers"
            FROM street_dealing_penalties
            WHERE {inScope} AND "ImposedOn" >= @from AND "ImposedOn" < @to
        ), studies AS (
            SELECT count(*) FILTER (WHERE "SubjectKind" = 'Area') AS "fenomeen.gebied",
                   count(*) FILTER (WHERE "SubjectKind" = 'TargetGroup') AS "fenomeen.doelgroep",
                   count(*) FILTER (WHERE "SubjectKind" = 'Branch') AS "fenomeen.branche"
            FROM phenomenon_studies
            WHERE {inScope} AND "StartedOn" >= @from AND "StartedOn" < @to AND "Status" <> 'Stopped'
        ), awareness AS (
            SELECT count(*) FILTER (WHERE "Kind" = 'Workshop') AS "bewustwording.workshops",
                   count(*) FILTER (WHERE "Kind" = 'ActionDay') AS "bewustwording.actiedagen",
                   coalesce(sum("Conversations"), 0) AS "bewustwording.gesprekken"
            FROM awareness_activities
            WHERE {inScope} AND "HeldOn" >= @from AND "HeldOn" < @to
        ), arrivals AS (
            SELECT count(*) AS "bewustwording.signalen-lwo"
            FROM lwo_arrivals
            WHERE {inScope} AND "SourceChannel" = 'Bewonersgesprek' AND "ArrivedAt" >= {arrivedFrom} AND "ArrivedAt" < {arrivedTo}
        ), received AS (
            SELECT count(*) AS "signalen.ontvangen",
                   count(*) FILTER (WHERE "SourceChannel" = 'MeldMisdaadAnoniem') AS "signalen.meld-misdaad-anoniem",
                   count(*) FILTER (WHERE "SourceChannel" = 'MeldingGemeente') AS "signalen.melding-gemeente",
                   count(*) FILTER (WHERE "SourceChannel" = 'MeldingPolitie') AS "signalen.melding-politie",
                   count(*) FILTER (WHERE "SourceChannel" = 'Bewonersgesprek') AS "signalen.bewonersgesprek",
                   count(*) FILTER (WHERE "SourceChannel" = 'Professional') AS "signalen.professional"
            FROM cases
            WHERE {inScope} AND "ReceivedAt" >= {arrivedFrom} AND "ReceivedAt" < {arrivedTo}
        )
        SELECT * FROM lwo_figures, atom, mot, bibob, closures, penalties, studies, awareness, arrivals, received
        """;
}
