using NodaTime;

namespace Ondermijning.Engine.Common;

public static class StoredPrecision
{
    /// <summary>
    /// The instant as both databases keep it: whole microseconds (PostgreSQL drops the rest). Cut when a value is made,
    /// what is answered, hashed or compared is what is stored and read back.
    /// </summary>
    public static Instant ToWholeMicroseconds(this Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks - ((ticks % 10) + 10) % 10);
    }
}
