using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Search;

/// <summary>
/// A case named as users name it: its full id or the short code the pages show. For filters that must find exactly
/// one case or say that there is none, rather than silently filtering on nothing.
/// </summary>
public sealed class CaseCodes(OndermijningDbContext db)
{
    /// <summary>The one case of the user's municipalities with this id or code; null when there is none (or the code is ambiguous).</summary>
    public async Task<CaseId?> ResolveAsync(string? text, CancellationToken cancellationToken = default)
    {
        var code = (text ?? "").Trim().Replace(" ", "");
        if (CaseId.TryParse(code, out var id))
            return await db.Cases.AnyAsync(c => c.Id == id, cancellationToken) ? id : null;
        if (code.Length != 8 || !code.All(char.IsAsciiHexDigit)) return null;
        var term = code.ToLowerInvariant();
        var ids = await db.Set<CaseSearchTerm>().AsNoTracking()
            .Where(t => t.Kind == SearchTermKind.CaseCode && t.Term == term)
            .Select(t => t.CaseId).Take(2).ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : null;
    }
}
