using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Enrichment;

public sealed record EnrichmentResult(EnrichmentRun Run, IReadOnlyList<EnrichmentFinding> Findings, IReadOnlyList<ProviderStatus> Skipped);

/// <summary>
/// Asks the open registers about every company and address subject of a case and keeps each answer as a
/// finding. It never moves the case: the registers inform the OOV user's decision, they do not make it.
/// </summary>
public sealed class EnrichCase(OndermijningDbContext db, AccessGate gate, KvkClient kvk, BagClient bag, EnrichmentProviders providers, FindingItems items,
    IClock clock)
{
    /// <summary>Who the pipeline acts as when no user asked for it (the scheduled run over new signals).</summary>
    /// <remarks>It works for the municipality's OOV, so the privacy protocol's open-source gate applies to it as to them.</remarks>
    public static readonly Actor Job = new("job:verrijking", "Automatische verrijking", Organisations.Gemeente,
        new HashSet<Role> { Role.OovRegisseur }, new HashSet<MunicipalityCode>());

    /// <param name="requestedBy">The user who asked for this run; none when a job runs it.</param>
    public async Task<EnrichmentResult> RunAsync(CaseId caseId, Actor? requestedBy = null, CancellationToken cancellationToken = default)
    {
        // The scheduled run works for every municipality; a user only on the cases the gate lets them enrich.
        var @case = requestedBy is not null
            ? await gate.CaseAsync(caseId, requestedBy, Permission.RunEnrichment, CaseParts.Subjects, cancellationToken: cancellationToken)
            : await db.Cases.AsNoTracking().Include(c => c.Companies).Include(c => c.Addresses).AsSplitQuery()
                .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw CaseProblems.NotFound(caseId);
        var actor = requestedBy ?? Job;
        var run = EnrichmentRun.Start(caseId, clock.GetCurrentInstant(), actor);
        var findings = new List<EnrichmentFinding>();
        var kvkOn = providers.Status(EnrichmentProvider.Kvk);
        var bagOn = providers.Status(EnrichmentProvider.Bag);

        EnrichmentFinding Add<T>(FindingSource source, FindingKind kind, string subject, Lookup<T> lookup, Func<T, string> summary) where T : class
        {
            var status = lookup.Outcome switch
            {
                LookupOutcome.Found => FindingStatus.Found,
                LookupOutcome.NotFound => FindingStatus.NotFound,
                _ => FindingStatus.Failed,
            };
            var finding = EnrichmentFinding.FromRegister(caseId, run.Id, source, kind, subject, status,
                lookup.Value is { } value ? summary(value) : lookup.Problem!, lookup.Value, lookup.Call, actor);
            findings.Add(finding);
            return finding;
        }

        if (kvkOn.Enabled)
        {
            foreach (var company in @case.Companies)
            {
                var number = company.KvkNumber;
                if (number is null && company.Name is not null && !string.IsNullOrWhiteSpace(company.Place))
                {
                    var subject = $"{company.Name}, {company.Place}";
                    var search = await kvk.SearchByNameAsync(company.Name, company.Place, cancellationToken);
                    Add(FindingSource.Kvk, FindingKind.KvkSearch, subject, search, s =>
                        $"{s.Total} inschrijving(en) in het Handelsregister voor '{company.Name}' in {company.Place}; " +
                        $"het profiel van de eerste ({s.Hits[0].Name}, KvK-nummer {s.Hits[0].KvkNumber}) is opgevraagd.");
                    number = search.Value?.Hits[0].KvkNumber;
                }
                if (number is null) continue;
                var profile = await kvk.GetProfileAsync(number, cancellationToken);
                Add(FindingSource.Kvk, FindingKind.KvkProfile, number, profile, CompanySummary);
            }
            foreach (var address in @case.Addresses)
            {
                var subject = $"{address.Postcode} {address.HouseNumber}";
                var atAddress = await kvk.SearchByAddressAsync(address.Postcode, address.HouseNumber, cancellationToken);
                Add(FindingSource.Kvk, FindingKind.KvkCompaniesAtAddress, subject, atAddress,
                    s => $"{s.Total} inschrijving(en) in het Handelsregister op {subject}: {string.Join(", ", s.Hits.Select(h => h.Name))}.");
            }
        }

        if (bagOn.Enabled)
            foreach (var address in @case.Addresses)
            {
                var subject = $"{address.Postcode} {address.HouseNumber}{(address.HouseNumberAddition is null ? "" : " " + address.HouseNumberAddition)}";
                var found = await bag.FindAddressAsync(address.Postcode, address.HouseNumber, address.HouseNumberAddition, cancellationToken);
                Add(FindingSource.Bag, FindingKind.BagAddress, subject, found,
                    a => $"BAG-adres {a.Street} {a.HouseNumber}{a.Letter}{(a.Addition is null ? "" : "-" + a.Addition)}, {a.Postcode} {a.Place}.");
                if (found.Value?.VerblijfsobjectId is { } objectId)
                {
                    var unit = await bag.GetVerblijfsobjectAsync(objectId, address.Postcode, address.HouseNumber, cancellationToken);
                    Add(FindingSource.Bag, FindingKind.BagVerblijfsobject, subject, unit,
                        v => $"Verblijfsobject {v.Id}: gebruiksdoel {string.Join(", ", v.Gebruiksdoelen)}" +
                             $"{(v.Oppervlakte is { } m2 ? $", {m2} m²" : "")}{(v.Status is null ? "" : $", status '{v.Status}'")}.");
                }
                foreach (var pandId in found.Value?.PandIds ?? [])
                {
                    var pand = await bag.GetPandAsync(pandId, cancellationToken);
                    Add(FindingSource.Bag, FindingKind.BagPand, subject, pand,
                        p => $"Pand {p.Id}: bouwjaar {p.ConstructionYear?.ToString() ?? "onbekend"}{(p.Status is null ? "" : $", status '{p.Status}'")}.");
                }
            }

        var skipped = new[] { kvkOn, bagOn }.Where(p => !p.Enabled).ToList();
        run.Finish(clock.GetCurrentInstant(), skipped);
        db.Add(run);
        db.AddRange(findings);
        var now = clock.GetCurrentInstant();
        foreach (var finding in findings)
            if (items.For(@case, finding, actor, now) is { } item) db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return new EnrichmentResult(run, findings, skipped);
    }

    private static string CompanySummary(KvkCompany c)
    {
        var main = c.Activities.FirstOrDefault(a => a.Main) ?? c.Activities.FirstOrDefault();
        var address = c.Addresses.FirstOrDefault();
        return $"{c.Name} (KvK-nummer {c.KvkNumber}) staat {(c.Active ? "actief" : $"niet meer actief (einde {c.EndedOn})")} ingeschreven" +
               $"{(c.RegisteredOn is null ? "" : $" sinds {c.RegisteredOn}")}" +
               $"{(main is null ? "" : $", hoofdactiviteit {main.Code} {main.Description}")}" +
               $"{(address is null ? "" : $", adres {address.Street} {address.HouseNumber}, {address.Postcode} {address.Place}")}.";
    }
}
