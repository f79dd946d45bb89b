namespace Ondermijning.Engine.Common;

/// <summary>
/// The longest text each field may hold, in UTF-16 characters. One set for every door in: the engine's checks, the API's
/// request mapping, the pages and the EF configuration's column lengths all read these, so a text one of them accepts
/// fits the others and the column.
/// </summary>
public static class Limits
{
    /// <summary>A signal's description and other free text a case is about.</summary>
    public const int Description = 8000;
    /// <summary>An information item's content.</summary>
    public const int ItemContent = 8000;
    /// <summary>The grondslag under which information is shared.</summary>
    public const int LegalBasis = 500;
    /// <summary>Names of persons, companies, organisations, reporters and users.</summary>
    public const int Name = 200;
    public const int Contact = 200;
    public const int Branch = 100;
    public const int Place = 100;
    public const int City = 100;
    public const int Street = 200;
    public const int HouseNumberAddition = 10;
    public const int Role = 100;
    /// <summary>The reason for a step, a severity raise, a decision or a migration.</summary>
    public const int Reason = 4000;
    /// <summary>Notes on interventions and findings, and a finding's summary.</summary>
    public const int Note = 4000;
    public const int Feedback = 2000;
    /// <summary>Codes and identifiers a user chooses: intervention kinds, stages, triggers, tags.</summary>
    public const int Code = 64;
    public const int Label = 200;
    /// <summary>A place visited or closed: an ATOM location, drug premises.</summary>
    public const int Location = 400;
    public const int OtherOutcome = 2000;
    public const int PermitType = 200;
    public const int Programme = 100;
    public const int StudySubject = 100;
    public const int StudyResult = 8000;
    public const int FindingSubject = 300;
    public const int Link = 2000;
    /// <summary>A finding's structured facts as stored JSON.</summary>
    public const int FindingFacts = 16000;
    /// <summary>One value of the information a step asks for (a meeting date, a chain partner, …).</summary>
    public const int StepInformation = 2000;
    public const int SearchText = 200;
}
