using System.Text;
using NodaTime;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// Erased means gone from the disk, not only from the answers: SQLite keeps the old bytes of an overwritten row in the
/// page's free space and the old pages in the write-ahead log unless told otherwise.
/// </summary>
[Trait("Provider", "Sqlite")]
public class SqliteErasureTests
{
    private static readonly string[] Personal = ["P. Pieters", "06-12345678", "Jansen Eenmanszaak", "87654321", "Grote Straat", "J. Jansen"];

    [Fact]
    public async Task After_the_purge_the_erased_personal_data_are_nowhere_in_the_database_files()
    {
        await using var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite));
        var oov = factory.CreateClient();
        var admin = factory.CreateClientFor("admin", "gemeente", ["beheerder"]);
        var id = (await oov.RegisterAsync(new
        {
            municipality = "GM0935",
            sourceChannel = "melding-gemeente",
            // Long, as descriptions are: the short erased row then fits in the space the long one freed and leaves part of it.
            description = "Buurman J. Jansen ziet dagelijks busjes bij de loods. " + string.Concat(Enumerable.Repeat("Er wordt 's nachts gelost en geladen. ", 20)),
            reporter = new { anonymous = false, name = "P. Pieters", contact = "06-12345678" },
            persons = new[] { new { name = "J. Jansen", birthDate = "1980-04-01", role = "eigenaar" } },
            companies = new[] { new { name = "Jansen Eenmanszaak", kvkNumber = "87654321", place = "Maastricht" } },
            addresses = new[] { new { postcode = "6211AB", houseNumber = 12, street = "Grote Straat", city = "Maastricht" } },
        })).Str("id");
        await oov.MoveToAsync(id, "verrijking");
        await oov.RejectSignalAsync(id, "Open bronnen bevestigen het niet");
        FilesContaining(factory.Database.Location).Should().Contain(Personal, "before the purge the data are on disk, so the scan can see them");

        factory.Clock.Advance(Duration.FromDays(210)); // past the six months of 'niet-bevestigd'
        await (await admin.PostAsync("/api/admin/retention/run", null)).ShouldHaveStatus(System.Net.HttpStatusCode.OK);

        FilesContaining(factory.Database.Location).Should().BeEmpty();
    }

    /// <summary>Which of the personal values occur anywhere in the database file or its write-ahead log, byte for byte.</summary>
    private static List<string> FilesContaining(string databaseFile)
    {
        var bytes = new List<byte>();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes.AddRange(copy.ToArray());
        }
        var all = bytes.ToArray();
        return Personal.Where(p => all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(p)) >= 0).ToList();
    }
}
