using Microsoft.AspNetCore.Mvc;

namespace Ondermijning.Api.Pages;

/// <summary>
/// What the framework says when a form value cannot be read at all (letters in a house number, a date that is no date),
/// in Dutch as every other message on the pages; without this, ASP.NET's English defaults reach the user.
/// </summary>
public static class DutchModelBinding
{
    public static void Apply(MvcOptions options)
    {
        // Which fields are required is the engine's rule, worded in Dutch by the page; MVC's own implicit [Required] on
        // non-nullable strings would answer first, in English ("The Bron field is required.").
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"'{value}' is hier geen geldige waarde.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is hier geen geldige waarde.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is hier geen geldige waarde.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Deze waarde is hier niet geldig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde is hier niet geldig.");
        messages.SetValueMustBeANumberAccessor(_ => "Vul een getal in.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
        messages.SetValueMustNotBeNullAccessor(_ => "Vul dit veld in.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Vul dit veld in.");
        messages.SetMissingKeyOrValueAccessor(() => "Vul dit veld in.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg verstuurd; vul het in en verstuur het opnieuw.");
    }
}
