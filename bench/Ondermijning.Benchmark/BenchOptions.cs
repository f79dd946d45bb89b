using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

/// <summary>The defaults finish in a few minutes on two cores; <c>--cases 1000000 --read-cases 1000000</c> is the full-size run.</summary>
public sealed class BenchOptions
{
    public List<StorageProvider> Providers { get; } = [StorageProvider.Sqlite, StorageProvider.PostgreSql];
    public string? Postgres { get; private set; } = Environment.GetEnvironmentVariable("ONDERMIJNING_BENCH_POSTGRES");
    public string ApiAssembly { get; private set; } = Path.Combine("artifacts", "service", "Ondermijning.Api.dll");
    public string WorkFolder { get; private set; } = Path.Combine("artifacts", "bench");
    public int Clients { get; private set; } = 8;
    public int Signals { get; private set; } = 10_000;
    public int Transitions { get; private set; } = 1500;
    public int BaselineRows { get; private set; } = 2000;
    public int Cases { get; private set; } = 100_000;
    public int ReadCases { get; private set; } = 50_000;
    public int Requests { get; private set; } = 100;
    public string? ReadDatabase { get; private set; }
    public TimeSpan WarmUp { get; private set; } = TimeSpan.FromSeconds(10);

    public const string Usage = """
        Ondermijning.Benchmark [options]
          --providers sqlite,postgresql   which databases (default: both)
          --postgres CONNECTION-STRING    an Npgsql connection string to a server where the user may create databases
                                          (default: $ONDERMIJNING_BENCH_POSTGRES; ./bench.sh starts a throwaway server)
          --api PATH                      the service's Ondermijning.Api.dll (default: the published service in artifacts/service/)
          --work FOLDER                   where SQLite files go (default: artifacts/bench)
          --clients N                     concurrent HTTP clients, engine workers and baseline connections (default 8)
          --signals N                     signals registered over HTTP (default 10000; 0 skips intake)
          --warm-up SECONDS               load the service this long before measuring intake and transitions (default 10)
          --transitions N                 transitions fired through the engine (default 1500; 0 skips them; with no
                                          signals either, the baseline is skipped too)
          --baseline-rows N               single-row commits for the baseline (default 2000)
          --cases N                       cases bulk-loaded for the annual statistics (default 100000; the full run is
                                          1000000; 0 skips the statistics)
          --read-cases N                  cases, with subjects and items, bulk-loaded for the regisseur's pages, search,
                                          agenda, overdue list and start-up (default 50000; the full run is 1000000;
                                          0 skips them)
          --requests N                    measured requests per page or route (default 100)
          --read-database FILE            read an SQLite file an earlier run loaded (with --read-cases) instead of
                                          loading one: a million cases take long to load on two busy cores; if FILE
                                          does not exist yet, --read-cases cases are loaded into it and it is kept
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--providers":
                    options.Providers.Clear();
                    options.Providers.AddRange(Value().Split(',').Select(p => Enum.Parse<StorageProvider>(p, ignoreCase: true)));
                    break;
                case "--postgres": options.Postgres = Value(); break;
                case "--api": options.ApiAssembly = Value(); break;
                case "--work": options.WorkFolder = Value(); break;
                case "--clients": options.Clients = int.Parse(Value()); break;
                case "--signals": options.Signals = int.Parse(Value()); break;
                case "--warm-up": options.WarmUp = TimeSpan.FromSeconds(double.Parse(Value())); break;
                case "--transitions": options.Transitions = int.Parse(Value()); break;
                case "--baseline-rows": options.BaselineRows = int.Parse(Value()); break;
                case "--cases": options.Cases = int.Parse(Value()); break;
                case "--read-cases": options.ReadCases = int.Parse(Value()); break;
                case "--requests": options.Requests = int.Parse(Value()); break;
                case "--read-database": options.ReadDatabase = Path.GetFullPath(Value()); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }
        if (options.ReadDatabase is not null && (options.Providers is not [StorageProvider.Sqlite] || (!File.Exists(options.ReadDatabase) && options.ReadCases == 0)))
            throw new ArgumentException($"--read-database takes an SQLite file (a new one needs --read-cases), with --providers sqlite.\n{Usage}");
        if (options.Providers.Contains(StorageProvider.PostgreSql) && string.IsNullOrWhiteSpace(options.Postgres))
            throw new ArgumentException($"PostgreSQL needs --postgres or ONDERMIJNING_BENCH_POSTGRES (./bench.sh provides a server).\n{Usage}");
        if (!File.Exists(options.ApiAssembly))
            throw new ArgumentException($"No service at {options.ApiAssembly}; publish it (dotnet publish src/Ondermijning.Api -c Release -o artifacts/service, as bench.sh does) or pass --api.\n{Usage}");
        options.ApiAssembly = Path.GetFullPath(options.ApiAssembly);
        options.WorkFolder = Path.GetFullPath(options.WorkFolder);
        Directory.CreateDirectory(options.WorkFolder);
        return options;
    }
}
