namespace Ondermijning.Api.Hosting;

/// <summary>
/// The request delegates of the minimal API are written at build time by the request delegate generator, so that a start
/// does not compile an expression tree per route (a third of a second per start, and per test host). A few handlers must be
/// left to the runtime factory, which builds them at start-up as it did for every route before:
/// <list type="bullet">
/// <item>a generic handler, for which the generator cannot write code;</item>
/// <item>a handler with <c>[AsParameters]</c>, because for a malformed value of one of its properties (<c>page=twee</c>) the
/// generated code answers a bare 400 instead of throwing, so the problem would not name the field (StrictRequestTests).</item>
/// </list>
/// Passing the handler through here hides it from the generator, which says so with RDG002.
/// </summary>
public static class RuntimeHandlers
{
    public static Delegate BuiltAtStartUp(Delegate handler) => handler;
}
