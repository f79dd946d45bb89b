using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Ondermijning.Engine;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Benchmark;

/// <summary>
/// A regisseur's working day at national scale: the bulk-loaded chain with its subjects, items and search terms, and the
/// real service on it, read as the OOV regisseur of the busiest municipality. Per page or route, the service's time over
/// <see cref="BenchOptions.Requests"/> requests next to the database's own time for the same rows
/// (<see cref="ReadStatements"/>), the size of the answer, and how long the service takes to start on the file.
/// </summary>
public static partial class NationalScaleBenchmark
{
    private const string UserId = "bench-regisseur";
    private const int Samples = 20;

    private sealed record Route(string Name, Func<int, string> Path, IReadOnlyList<string> Statements, Func<int, Dictionary<string, object>> Parameters);

    public static async Task RunAsync(StorageProvider provider, BenchOptions options)
    {
        // A kept file is read as it is (the service's first start migrates it) and stays, loaded first if it does not exist
        // yet, so later runs reuse it; a fresh one is loaded and dropped.
        var database = options.ReadDatabase is { } kept ? new BenchDatabase(StorageProvider.Sqlite, kept) : BenchDatabase.Fresh(provider, options, "scale");
        await using var dropped = options.ReadDatabase is null ? database : null;
        await using var engine = EngineTransitions.Engine(database);
        if (options.ReadDatabase is null || !File.Exists(options.ReadDatabase))
        {
            await engine.InitialiseEngineAsync();
            var bulk = await BulkLoad.LoadAsync(database, engine, options.ReadCases);
            Console.WriteLine($"bulk load  {bulk.Cases:N0} cases with subjects and items, {bulk.Rows:N0} rows in {bulk.Elapsed.TotalSeconds:N1} s: " +
                string.Join(", ", bulk.RowsPerTable.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value:N0}")));
        }

        await using var sql = await ReadStatements.OpenAsync(database);
        var catalog = engine.GetRequiredService<WorkflowCatalog>();
        var municipality = await sql.ScalarAsync<string>("""SELECT "Municipality" FROM cases GROUP BY "Municipality" ORDER BY count(*) DESC LIMIT 1""");
        var finals = ReadStatements.Literals(catalog.All.SelectMany(d => d.Stages).Where(s => s.Kind == StageKind.Final).Select(s => s.Id.Value).Distinct());
        var m = new Dictionary<string, object> { ["m"] = municipality };
        var total = await sql.ScalarAsync<long>("""SELECT count(*) FROM cases WHERE "Municipality" = @m""", m);
        var open = await sql.ScalarAsync<long>($"""SELECT count(*) FROM cases WHERE "Municipality" = @m AND "Stage" NOT IN ({finals})""", m);
        Console.WriteLine($"reader     OOV regisseur of {municipality}, the busiest municipality: {total:N0} cases, {open:N0} open; " +
            $"{options.Requests} requests per route, one at a time, after {Warm(options.Requests)} unmeasured");

        // The yardstick: the same service starting on an empty database of the same provider, in the same run.
        TimeSpan empty;
        await using (var nothing = BenchDatabase.Fresh(provider, options, "empty"))
            empty = await StartUpAsync(nothing, options, municipality, "start-up on an empty database (the yardstick)", null);
        await StartUpAsync(database, options, municipality, "first start on the loaded file (migrating it if needed)", empty);
        var restart = Stopwatch.StartNew();
        await using var service = await ServiceProcess.StartAsync(database, options, ServiceSettings(municipality));
        Report("restart on the loaded file", restart.Elapsed, service, empty);

        var routes = await RoutesAsync(sql, catalog, municipality, finals);
        using var browser = await SignInAsync(service);
        Console.WriteLine($"{"",-34} {"service p50",11} {"p95",8}   {"database p50",12} {"p95",8}   {"p95 ratio",9}   {"answer",9}   {"service CPU",11}");
        foreach (var route in routes)
        {
            var cpu = service.ProcessorTime;
            if (await RequestAsync(browser, route, options.Requests) is not var (latencies, bytes))
            {
                // A service older than a route (measuring before a change) does not have it.
                Console.WriteLine($"{route.Name,-34} not served (404)");
                continue;
            }
            // Warm-up requests included: CPU per request, whatever the other processes on the machine took meanwhile.
            var cpuPerRequest = (service.ProcessorTime - cpu).TotalMilliseconds / (options.Requests + Warm(options.Requests));
            var own = await sql.TimeAsync(route.Statements, route.Parameters(0), options.Requests);
            Array.Sort(latencies);
            Array.Sort(own);
            var p95 = Percentiles.Of(latencies, 0.95);
            var ownP95 = Percentiles.Of(own, 0.95);
            Console.WriteLine($"{route.Name,-34} {Percentiles.Of(latencies, 0.5),8:N1} ms {p95,5:N1} ms   {Percentiles.Of(own, 0.5),9:N1} ms {ownP95,5:N1} ms   " +
                $"{p95 / ownP95,8:N1}x   {bytes / 1024.0,6:N0} KB   {cpuPerRequest,8:N1} ms");
        }
    }

    private static async Task<TimeSpan> StartUpAsync(BenchDatabase database, BenchOptions options, string municipality, string what, TimeSpan? yardstick)
    {
        var clock = Stopwatch.StartNew();
        await using var service = await ServiceProcess.StartAsync(database, options, ServiceSettings(municipality));
        var elapsed = clock.Elapsed;
        Report(what, elapsed, service, yardstick);
        return elapsed;
    }

    private static void Report(string what, TimeSpan elapsed, ServiceProcess service, TimeSpan? yardstick) =>
        Console.WriteLine($"service    {what} until /health answers: {elapsed.TotalSeconds:N1} s" +
            (yardstick is { } empty ? $" = {elapsed / empty:N2}x the empty database's" : "") +
            (service.EngineInitialisation is { } engine ? $"; engine initialisation {engine.TotalMilliseconds:N0} ms" : ""));

    /// <summary>What the regisseur opens, each with what the database reads for it; samples rotate over a few cases and subjects.</summary>
    private static async Task<List<Route>> RoutesAsync(ReadStatements sql, WorkflowCatalog catalog, string municipality, string finals)
    {
        var m = new Dictionary<string, object> { ["m"] = municipality };
        var cases = await ColumnAsync(sql, $"""
            SELECT c."Id" FROM cases c WHERE c."Municipality" = @m AND c."Stage" NOT IN ({finals})
            AND EXISTS (SELECT 1 FROM case_addresses a WHERE a."CaseId" = c."Id") AND EXISTS (SELECT 1 FROM case_companies co WHERE co."CaseId" = c."Id")
            ORDER BY c."ReceivedAt" DESC LIMIT {Samples}
            """, m);
        var caseIds = cases.Select(Guid.Parse).ToList();
        var kvks = await ColumnAsync(sql, $"""
            SELECT co."KvkNumber" FROM case_companies co JOIN cases c ON c."Id" = co."CaseId" WHERE c."Municipality" = @m LIMIT {Samples}
            """, m);
        var addresses = await ColumnAsync(sql, $"""
            SELECT a."Postcode" || ' ' || a."HouseNumber" FROM case_addresses a JOIN cases c ON c."Id" = a."CaseId" WHERE c."Municipality" = @m LIMIT {Samples}
            """, m);
        string[] names = ["jansen", "bakker", "yilmaz", "kapsalon", "visser", "dekker", "barbershop", "smit"];

        var actor = new Actor(UserId, "Benchmark regisseur", Organisations.Gemeente, new HashSet<Role> { Role.OovRegisseur },
            new HashSet<MunicipalityCode> { MunicipalityCode.Parse(municipality) });
        var actionable = ReadStatements.Literals(catalog.All
            .SelectMany(d => d.Stages.Where(s => d.TransitionsFrom(s.Id).Any(t => t.Guards.Roles.Count == 0 || t.Guards.Roles.Any(actor.HasRole))))
            .Select(s => s.Id.Value).Distinct());
        var openStages = catalog.All.SelectMany(d => d.Stages).Where(s => s.Kind != StageKind.Final).Select(s => s.Id.Value).Distinct().ToList();
        var lwoStages = catalog.All.SelectMany(d => d.Stages).Where(s => s.Table?.Kind == TableKind.Lwo).Select(s => s.Id.Value).Distinct().ToList();
        var now = SystemClock.Instance.GetCurrentInstant();

        Dictionary<string, object> With(params (string Key, object Value)[] values)
        {
            var parameters = new Dictionary<string, object>(m);
            foreach (var (key, value) in values) parameters[key] = value;
            return parameters;
        }
        static string[] Subjects(string cases) =>
        [
            $"""SELECT p.* FROM case_persons p WHERE p."CaseId" IN ({cases})""",
            $"""SELECT co.* FROM case_companies co WHERE co."CaseId" IN ({cases})""",
            $"""SELECT a.* FROM case_addresses a WHERE a."CaseId" IN ({cases})""",
        ];
        const string byTerm = """SELECT t."CaseId" FROM case_search_terms t WHERE t."Municipality" = @m AND t."Kind" = @kind AND t."Term" = @term""";
        const string byWord = """
            SELECT t."CaseId" FROM case_search_terms t WHERE t."Kind" IN ('CompanyWord', 'PersonWord', 'StreetWord') AND t."Municipality" = @m
            AND t."Term" >= @term AND t."Term" < @upper
            """;
        // The rows of a page of cases with their subjects.
        static string[] Rows(string page) => [$"""SELECT c.* FROM cases c WHERE c."Id" IN ({page})""", .. Subjects(page)];
        // How many match, and the newest page of them.
        static string[] Search(string matches) =>
        [
            $"""SELECT count(*) FROM cases c WHERE c."Id" IN ({matches})""",
            .. Rows($"""SELECT c."Id" FROM cases c WHERE c."Id" IN ({matches}) ORDER BY c."ReceivedAt" DESC, c."Id" LIMIT 50"""),
        ];

        return
        [
            // The columns view: per open stage its count and overdue count, and its most urgent cards with their subjects.
            new("work board /", _ => "/",
            [
                $"""
                SELECT "Stage", count(*), sum("DueAt" IS NOT NULL AND "DueAt" < @now) FROM cases
                WHERE "Municipality" = @m AND "Stage" NOT IN ({finals}) GROUP BY "Stage"
                """,
                // Per stage the earliest due first, then those without a deadline longest waiting: two ranges of one index.
                .. openStages.SelectMany(stage => Rows($"""
                    SELECT "Id" FROM (SELECT * FROM (SELECT "Id" FROM cases WHERE "Municipality" = @m AND "Stage" = '{stage}' AND "DueAt" IS NOT NULL
                    ORDER BY "DueAt", "StageEnteredAt", "Id" LIMIT 15)
                    UNION ALL SELECT * FROM (SELECT "Id" FROM cases WHERE "Municipality" = @m AND "Stage" = '{stage}' AND "DueAt" IS NULL
                    ORDER BY "StageEnteredAt", "Id" LIMIT 15)) LIMIT 15
                    """)),
            ], _ => With(("now", now))),
            new("case page /zaken/{id}", i => $"/zaken/{caseIds[i % caseIds.Count]}",
            [
                """SELECT * FROM cases WHERE "Id" = @id""",
                """SELECT * FROM case_history WHERE "CaseId" = @id ORDER BY "Sequence" """,
                .. Subjects("@id"),
                """SELECT * FROM information_items WHERE "CaseId" = @id ORDER BY "AddedAt" """,
                """
                SELECT DISTINCT other."CaseId" FROM case_search_terms own JOIN case_search_terms other
                ON other."Kind" = own."Kind" AND other."Term" = own."Term" AND other."Municipality" = @m AND other."CaseId" <> own."CaseId"
                WHERE own."CaseId" = @id AND own."Kind" IN ('KvkNumber', 'Address', 'Person')
                """,
            ], i => With(("id", caseIds[i % caseIds.Count]))),
            new("search page /zoeken?q=postcode nr", i => $"/zoeken?q={Uri.EscapeDataString(addresses[i % addresses.Count])}",
                Search(byTerm), i => With(("kind", "Address"), ("term", Address(addresses[i % addresses.Count])))),
            new("search API /api/search?q=kvk", i => $"/api/search?q={kvks[i % kvks.Count]}",
                Search(byTerm), i => With(("kind", "KvkNumber"), ("term", kvks[i % kvks.Count]))),
            new("search API /api/search?q=name", i => $"/api/search?q={names[i % names.Length]}",
                Search(byWord), i => With(("term", names[i % names.Length]), ("upper", names[i % names.Length] + '\uffff'))),
            new("LWO agenda /tafels/lwo", _ => "/tafels/lwo",
            [
                $"""SELECT count(*) FROM cases WHERE "Municipality" = @m AND "Stage" IN ({ReadStatements.Literals(lwoStages)})""",
                .. Rows($"""SELECT "Id" FROM cases WHERE "Municipality" = @m AND "Stage" IN ({ReadStatements.Literals(lwoStages)}) ORDER BY "StageEnteredAt", "Id" LIMIT 50"""),
            ], _ => m),
            new("cases API /api/cases page 1", _ => "/api/cases",
            [
                """SELECT count(*) FROM cases WHERE "Municipality" = @m""",
                """SELECT * FROM cases WHERE "Municipality" = @m ORDER BY "ReceivedAt" DESC, "Id" LIMIT 25""",
            ], _ => m),
            new("overdue API /api/cases/overdue p1", _ => "/api/cases/overdue?page=1&pageSize=50", Overdue(actionable), _ => With(("now", now))),
            new("overdue page /termijnen", _ => "/termijnen", Overdue(actionable), _ => With(("now", now))),
        ];
    }

    private static string[] Overdue(string actionable)
    {
        const string overdue = """ "Municipality" = @m AND "DueAt" IS NOT NULL AND "DueAt" <= @now AND "Stage" IN """;
        return
        [
            $"""SELECT count(*) FROM cases WHERE {overdue} ({actionable})""",
            $"""SELECT * FROM cases WHERE {overdue} ({actionable}) ORDER BY "DueAt", "Id" LIMIT 50""",
            $"""
            SELECT e.* FROM case_escalations e WHERE e."CaseId" IN
            (SELECT "Id" FROM cases WHERE {overdue} ({actionable}) ORDER BY "DueAt", "Id" LIMIT 50)
            """,
        ];
    }

    /// <summary>"6211AB 12" as search stores an address: postcode in lower case, a space, the house number.</summary>
    private static string Address(string typed) => typed.ToLowerInvariant();

    private static async Task<List<string>> ColumnAsync(ReadStatements sql, string statement, Dictionary<string, object> parameters)
    {
        var values = new List<string>();
        await foreach (var value in sql.ColumnAsync(statement, parameters)) values.Add(value);
        if (values.Count == 0) throw new InvalidOperationException($"The bulk load left nothing to sample for: {statement}");
        return values;
    }

    private static int Warm(int requests) => Math.Max(3, requests / 10);

    private static async Task<(double[] Latencies, long Bytes)?> RequestAsync(HttpClient browser, Route route, int requests)
    {
        for (var i = 0; i < Warm(requests); i++)
            if (await GetAsync(browser, route.Path(i)) is null) return null;
        var latencies = new double[requests];
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            var length = await GetAsync(browser, route.Path(i));
            latencies[i] = clock.Elapsed.TotalMilliseconds;
            bytes = Math.Max(bytes, length ?? 0);
        }
        return (latencies, bytes);
    }

    /// <returns>The size of the answer, read to its last byte as a browser would; null when the service has no such route.</returns>
    private static async Task<long?> GetAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        return body.Length;
    }

    /// <summary>Signed in on the pages as a person is (the demo sign-in form and its cookie); the API takes the same cookie-less default user.</summary>
    private static async Task<HttpClient> SignInAsync(ServiceProcess service)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = service.Address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var form = await browser.GetStringAsync("/inloggen");
        using var signIn = await browser.PostAsync("/inloggen?handler=Demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["gebruiker"] = UserId, ["returnUrl"] = "/", ["__RequestVerificationToken"] = FormToken().Match(form).Groups[1].Value,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in on the pages answered {(int)signIn.StatusCode}.");
        return browser;
    }

    private static Dictionary<string, string> ServiceSettings(string municipality) => new()
    {
        ["Identity__Development__DefaultUser"] = UserId,
        ["Identity__Development__Users__0__UserId"] = UserId,
        ["Identity__Development__Users__0__Name"] = "Benchmark regisseur",
        ["Identity__Development__Users__0__Organisation"] = Organisations.Gemeente.Value,
        ["Identity__Development__Users__0__Roles__0"] = Role.OovRegisseur.Value,
        ["Identity__Development__Users__0__Municipalities__0"] = municipality,
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}

public static class Percentiles
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0..1) of sorted values.</summary>
    public static double Of(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Max(0, Math.Ceiling(p * sorted.Length) - 1))];
}
