using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// Which municipalities' rows the database context of one unit of work (a request, a job) may see: the second line
/// behind <see cref="Privacy.AccessGate"/>. Every table that carries a municipality is filtered by it, so a query that
/// forgot the gate returns nothing of another municipality. The engine's own work (jobs, start-up) sees everything;
/// the host narrows each request to the signed-in user's municipalities, and to none for an anonymous one.
/// </summary>
public sealed class DataScope
{
    public bool Unrestricted { get; private set; } = true;
    public IReadOnlyList<MunicipalityCode> Municipalities { get; private set; } = [];

    public void RestrictTo(IEnumerable<MunicipalityCode> municipalities)
    {
        Unrestricted = false;
        Municipalities = municipalities.Distinct().ToList();
    }

    /// <summary>For the few anonymous paths that must find one thing by a secret (the reporter's receipt code).</summary>
    public void Widen() => Unrestricted = true;
}
