using Microsoft.AspNetCore.Mvc;

namespace Ondermijning.Api.Hosting;

/// <summary>
/// How much a request may send. Kestrel's own default (30 MB) let megabyte strings into twelve fields; the API's
/// largest honest request (a signal with its subjects and an 8,000-character description, or a finding with a land-registry
/// extract) stays far below <see cref="ApiBody"/>.
/// </summary>
public static class RequestLimits
{
    public const long ApiBody = 256 * 1024;

    /// <summary>For everything else the server takes (the Dutch pages' forms): the ceiling Kestrel enforces.</summary>
    public const long AnyBody = 1024 * 1024;

    /// <summary>A body larger than <paramref name="bytes"/> is refused with 413 before the endpoint reads it.</summary>
    public static TBuilder LimitBody<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));
}
