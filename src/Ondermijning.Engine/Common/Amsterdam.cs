using NodaTime;

namespace Ondermijning.Engine.Common;

/// <summary>Calendar boundaries (days, years, deadlines) are those of the municipality, not of UTC.</summary>
public static class Amsterdam
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
}
