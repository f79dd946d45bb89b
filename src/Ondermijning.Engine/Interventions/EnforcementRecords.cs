using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Interventions;

/// <summary>Which records of one municipality to list: all years, or the records counted in <paramref name="Year"/>.</summary>
public sealed record EnforcementQuery(MunicipalityCode Municipality, int? Year = null, int Page = 1, int PageSize = 50);

/// <summary>The enforcement records that name a case, for the case page.</summary>
public sealed record CaseEnforcement(IReadOnlyList<BibobScreening> BibobScreenings, IReadOnlyList<DrugPremisesClosure> Closures,
    IReadOnlyList<StreetDealingPenalty> Penalties, IReadOnlyList<PhenomenonStudy> Studies)
{
    public bool Any => BibobScreenings.Count + Closures.Count + Penalties.Count + Studies.Count > 0;
}

/// <summary>
/// Lists the records of the work parallel to the chain, per municipality and per year, under the same rule as one
/// record: a municipality the actor does not work for is not found, and only who may read enforcement sees any.
/// A record counts in the year of its date (the one the annual table counts it in), newest first.
/// </summary>
public sealed class EnforcementRecords(OndermijningDbContext db, AccessGate gate)
{
    public const int MaxPageSize = 200;

    public Task<Page<BibobScreening>> BibobScreeningsAsync(EnforcementQuery query, Actor actor, CancellationToken cancellationToken = default) =>
        PageAsync<BibobScreening>(query, actor, r => r.Municipality, r => r.Date, r => r.RecordedAt, cancellationToken);

    public Task<Page<DrugPremisesClosure>> ClosuresAsync(EnforcementQuery query, Actor actor, CancellationToken cancellationToken = default) =>
        PageAsync<DrugPremisesClosure>(query, actor, r => r.Municipality, r => r.ClosedOn, r => r.RecordedAt, cancellationToken);

    public Task<Page<StreetDealingPenalty>> PenaltiesAsync(EnforcementQuery query, Actor actor, CancellationToken cancellationToken = default) =>
        PageAsync<StreetDealingPenalty>(query, actor, r => r.Municipality, r => r.ImposedOn, r => r.RecordedAt, cancellationToken);

    public Task<Page<AwarenessActivity>> AwarenessActivitiesAsync(EnforcementQuery query, Actor actor, CancellationToken cancellationToken = default) =>
        PageAsync<AwarenessActivity>(query, actor, r => r.Municipality, r => r.HeldOn, r => r.RecordedAt, cancellationToken);

    public Task<Page<PhenomenonStudy>> StudiesAsync(EnforcementQuery query, Actor actor, CancellationToken cancellationToken = default) =>
        PageAsync<PhenomenonStudy>(query, actor, r => r.Municipality, r => r.StartedOn, r => r.RecordedAt, cancellationToken);

    /// <summary>What was recorded with a link to the case: read like the case, then like its municipality's enforcement.</summary>
    public async Task<CaseEnforcement> ForCaseAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await gate.CaseAsync(caseId, actor, Permission.ReadCase, cancellationToken: cancellationToken);
        AccessGate.Require(actor, Permission.ReadEnforcement, @case.Municipality);
        return new CaseEnforcement(
            await db.Set<BibobScreening>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.Date).ToListAsync(cancellationToken),
            await db.Set<DrugPremisesClosure>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.ClosedOn).ToListAsync(cancellationToken),
            await db.Set<StreetDealingPenalty>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.ImposedOn).ToListAsync(cancellationToken),
            await db.Set<PhenomenonStudy>().AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.StartedOn).ToListAsync(cancellationToken));
    }

    private async Task<Page<T>> PageAsync<T>(EnforcementQuery query, Actor actor, Expression<Func<T, MunicipalityCode>> municipality,
        Expression<Func<T, LocalDate>> date, Expression<Func<T, Instant>> recordedAt, CancellationToken cancellationToken) where T : class
    {
        AccessGate.Require(actor, Permission.ReadEnforcement, query.Municipality);
        var records = db.Set<T>().AsNoTracking().Where(Is(municipality, query.Municipality, ExpressionType.Equal));
        if (query.Year is { } year)
            records = records.Where(Is(date, new LocalDate(year, 1, 1), ExpressionType.GreaterThanOrEqual))
                .Where(Is(date, new LocalDate(year + 1, 1, 1), ExpressionType.LessThan));
        var total = await records.CountAsync(cancellationToken);
        var items = await records.OrderByDescending(date).ThenByDescending(recordedAt)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, query.Page, query.PageSize, total);
    }

    /// <summary><c>field op value</c> over one record, with the value as a query parameter rather than a constant in the SQL.</summary>
    private static Expression<Func<T, bool>> Is<T, TValue>(Expression<Func<T, TValue>> field, TValue value, ExpressionType op)
    {
        var parameter = Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(op, field.Body, parameter), field.Parameters);
    }

    private sealed record Box<TValue>(TValue Value);
}
