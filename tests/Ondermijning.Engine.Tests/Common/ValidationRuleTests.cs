using CsCheck;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Tests.Common;

/// <summary>The engine's field rules: what each value object accepts is exactly its format, and text rules hold for any text.</summary>
public sealed class ValidationRuleTests
{
    private static readonly Gen<string> AnyText = Gen.String[0, 300];

    [Fact]
    public void A_text_within_its_limit_and_free_of_control_characters_passes_and_comes_back_trimmed()
    {
        Gen.Char["abcdefghijklmnopqrstuvwxyzéëñ ABC0123456789-',."].Array[0, 200].Select(a => new string(a)).Sample(text =>
        {
            var breach = TextRule.Check(text, Limits.Name, TextKind.SingleLine, out var trimmed);
            breach.Should().BeNull();
            trimmed.Should().Be(string.IsNullOrWhiteSpace(text) ? null : text.Trim());
        });
    }

    [Fact]
    public void Any_text_longer_than_its_limit_is_too_long_and_names_the_limit()
    {
        Gen.Select(Gen.Int[1, 500], Gen.Int[1, 300]).Sample((limit, over) =>
        {
            var breach = TextRule.Check(new string('x', limit + over), limit, TextKind.MultiLine);
            breach!.Rule.Should().Be(FieldRule.TooLong);
            breach.Limit.Should().Be(limit);
            breach.Message.Should().Contain($"at most {limit} characters");
        });
    }

    [Fact]
    public void Control_characters_are_refused_except_line_breaks_and_tabs_in_multi_line_text()
    {
        Gen.Select(Gen.Char['\0', '\u001f'], Gen.Int[0, 20]).Sample((control, position) =>
        {
            var text = new string('a', position) + control + "b";
            TextRule.Check(text, 100, TextKind.SingleLine)!.Rule.Should().Be(FieldRule.ControlCharacter);
            var multi = TextRule.Check(text, 100, TextKind.MultiLine);
            if (control is '\n' or '\r' or '\t') multi.Should().BeNull();
            else multi!.Rule.Should().Be(FieldRule.ControlCharacter);
        });
        TextRule.Check("a\u007fb", 10, TextKind.MultiLine)!.Rule.Should().Be(FieldRule.ControlCharacter);
    }

    [Fact]
    public void A_lone_surrogate_anywhere_is_refused_but_a_pair_is_a_character()
    {
        Gen.Select(Gen.Char['\ud800', '\udfff'], AnyText).Sample((surrogate, around) =>
        {
            var clean = new string(around.Where(c => !char.IsSurrogate(c) && !char.IsControl(c)).ToArray());
            TextRule.Check(clean + surrogate, 1000, TextKind.MultiLine)!.Rule.Should().Be(FieldRule.LoneSurrogate);
            TextRule.Check(surrogate + clean, 1000, TextKind.MultiLine)!.Rule.Should().Be(FieldRule.LoneSurrogate);
        });
        TextRule.Check("emoji 😀 ok", 100, TextKind.SingleLine).Should().BeNull();
        TextRule.Check("\udc00\ud800", 100, TextKind.SingleLine)!.Rule.Should().Be(FieldRule.LoneSurrogate);
    }

    [Fact]
    public void Any_text_either_passes_or_names_one_rule_and_what_passes_fits_and_is_clean()
    {
        AnyText.Sample(text =>
        {
            if (TextRule.Check(text, 100, TextKind.MultiLine, out var trimmed) is null && trimmed is not null)
            {
                trimmed.Length.Should().BeLessThanOrEqualTo(100);
                trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')).Should().BeFalse();
                // What passes survives a strict UTF-8 round trip, as the databases store it.
                new System.Text.UTF8Encoding(false, true).GetString(new System.Text.UTF8Encoding(false, true).GetBytes(trimmed)).Should().Be(trimmed);
            }
        });
    }

    [Fact]
    public void A_postcode_is_four_digits_not_starting_with_zero_and_two_letters_normalised_without_space_in_capitals()
    {
        Gen.Select(Gen.Int[1000, 9999], Gen.Char['a', 'z'], Gen.Char['A', 'Z']).Sample((digits, a, b) =>
        {
            var text = $"{digits}{(digits % 2 == 0 ? " " : "")}{a}{b}";
            Postcode.TryParse(text, out var postcode).Should().BeNull();
            postcode.Value.Should().Be($"{digits}{char.ToUpperInvariant(a)}{b}").And.HaveLength(Postcode.Length);
        });
        foreach (var wrong in new[] { "0123AB", "123AB", "12345AB", "1234A", "1234ABC", "ABCD12", "", "1234AB\n", "1234ÄB", "١٢٣٤AB" })
            Postcode.TryParse(wrong, out _)!.Rule.Should().Be(FieldRule.Postcode, wrong);
        Postcode.TryParse(null, out _)!.Rule.Should().Be(FieldRule.Postcode);
    }

    [Fact]
    public void A_house_number_is_1_to_99999_with_an_optional_short_single_line_addition()
    {
        Gen.Int.Sample(number =>
        {
            var breach = HouseNumber.TryCreate(number, null, out var house);
            if (number is >= 1 and <= 99999) { breach.Should().BeNull(); house.Number.Should().Be(number); }
            else breach!.Rule.Should().Be(FieldRule.HouseNumber);
        });
        HouseNumber.TryCreate(12, " a ", out var withAddition).Should().BeNull();
        withAddition.Addition.Should().Be("a");
        HouseNumber.TryCreate(null, null, out _)!.Rule.Should().Be(FieldRule.HouseNumber);
        HouseNumber.TryCreate(12, new string('a', Limits.HouseNumberAddition + 1), out _)!.Rule.Should().Be(FieldRule.TooLong);
        HouseNumber.TryCreate(12, "a\tb", out _)!.Rule.Should().Be(FieldRule.ControlCharacter);
    }

    [Fact]
    public void A_kvk_number_is_exactly_eight_digits_spaces_dropped()
    {
        Gen.Int[0, 99_999_999].Sample(n =>
        {
            var text = n.ToString("00000000");
            KvkNumber.TryParse(text.Insert(4, " "), out var kvk).Should().BeNull();
            kvk.Value.Should().Be(text);
            KvkNumber.TryParse(text + "0", out _)!.Rule.Should().Be(FieldRule.KvkNumber);
            KvkNumber.TryParse(text[1..], out _)!.Rule.Should().Be(FieldRule.KvkNumber);
        });
        KvkNumber.TryParse("1234567a", out _)!.Rule.Should().Be(FieldRule.KvkNumber);
        KvkNumber.TryParse("12345678\n", out _)!.Rule.Should().Be(FieldRule.KvkNumber);
    }

    [Fact]
    public void A_municipality_code_is_GM_and_four_digits()
    {
        Gen.Int[0, 9999].Sample(n => MunicipalityCode.TryParse($" gm{n:0000} ", out var code) && code.Value == $"GM{n:0000}");
        foreach (var wrong in new[] { "GM123", "GM12345", "XX0935", "GM0935\n1", "" })
            MunicipalityCode.TryParse(wrong, out _).Should().BeFalse(wrong);
    }

    [Fact]
    public void A_date_is_written_yyyy_mm_dd_and_lies_between_1900_and_2100_and_not_after_today_where_asked()
    {
        Gen.Int[-100_000, 100_000].Sample(offset =>
        {
            var date = new LocalDate(2000, 1, 1).PlusDays(offset);
            var text = date.ToString("uuuu-MM-dd", null);
            var breach = DateRule.Parse(text, out var parsed);
            if (date >= DateRule.Earliest && date <= DateRule.Latest) { breach.Should().BeNull(); parsed.Should().Be(date); }
            else breach!.Rule.Should().Be(FieldRule.DateOutOfRange);
        });
        DateRule.Parse("9999-12-31", out _)!.Rule.Should().Be(FieldRule.DateOutOfRange);
        DateRule.Parse("2024-02-30", out _)!.Rule.Should().Be(FieldRule.DateFormat);
        DateRule.Parse("morgen", out _)!.Rule.Should().Be(FieldRule.DateFormat);
        DateRule.Check(new LocalDate(2024, 5, 2), notAfter: new LocalDate(2024, 5, 1))!.Rule.Should().Be(FieldRule.DateInFuture);
        DateRule.Check(new LocalDate(2024, 5, 1), notAfter: new LocalDate(2024, 5, 1)).Should().BeNull();
    }

    [Fact]
    public void Fields_collects_every_breach_under_its_path_and_throws_one_validation_problem_with_the_rules()
    {
        var f = new Fields();
        f.Text(null, "persons[0].name", "A person needs a name.", Limits.Name);
        f.Text(new string('x', 201), "persons[1].name", "A person needs a name.", Limits.Name);
        f.OptionalText("ok", "branch", Limits.Branch).Should().Be("ok");
        f.Postcode("12", "addresses[0].postcode");
        f.OptionalDate("9999-12-31", "receivedTo");

        var problem = FluentActions.Invoking(f.ThrowIfAny).Should().Throw<EngineProblem>().Which;
        problem.Kind.Should().Be(ProblemKind.Invalid);
        problem.Errors.Keys.Should().BeEquivalentTo("persons[0].name", "persons[1].name", "addresses[0].postcode", "receivedTo");
        problem.Breaches["persons[0].name"].Rule.Should().Be(FieldRule.Required);
        problem.Breaches["persons[1].name"].Should().Be(new Breach(FieldRule.TooLong, "Use at most 200 characters (this has 201).", 200));
        problem.Breaches["addresses[0].postcode"].Rule.Should().Be(FieldRule.Postcode);
        problem.Breaches["receivedTo"].Rule.Should().Be(FieldRule.DateOutOfRange);
    }
}
