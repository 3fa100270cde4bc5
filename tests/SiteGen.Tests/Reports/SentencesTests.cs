using SiteGen.Reports;

namespace SiteGen.Tests.Reports;

public sealed class SentencesTests
{
    [Fact]
    public void Sentences_end_at_Chinese_full_stops_question_and_exclamation_marks_semicolons_and_line_ends()
    {
        var sentences = Sentences.Split("一是加强学习；二是完善制度。成效如何？很好！\n（一）标题行\n最后一句没有句号");

        Assert.Equal(["一是加强学习；", "二是完善制度。", "成效如何？", "很好！", "（一）标题行", "最后一句没有句号"], sentences);
    }

    [Fact]
    public void Closing_quotes_and_brackets_stay_with_the_sentence_they_close()
    {
        Assert.Equal(["他说：“依法行政。”", "（见附件。）", "完。"], Sentences.Split("他说：“依法行政。”（见附件。）完。"));
    }

    [Fact]
    public void Decimal_points_commas_and_ellipses_do_not_end_a_sentence()
    {
        Assert.Equal(["合格率97.32%，共1,200件……继续推进。"], Sentences.Split("合格率97.32%，共1,200件……继续推进。"));
    }

    [Fact]
    public void Keys_ignore_spaces_and_the_width_of_letters_digits_and_brackets()
    {
        Assert.Equal(Sentences.Key("开展ＡＢ类培训（１２次）。"), Sentences.Key("开展 AB类培训(12次)。"));
        Assert.NotEqual(Sentences.Key("开展培训12次。"), Sentences.Key("开展培训13次。"));
        Assert.Equal(Sentences.KeyHash("开展ＡＢ类培训（１２次）。"), Sentences.KeyHash("开展 AB类培训(12次)。"));
        Assert.NotEqual(Sentences.KeyHash("开展培训12次。"), Sentences.KeyHash("开展培训13次。"));
    }

    [Fact]
    public void Masked_keys_are_equal_when_only_the_figures_differ()
    {
        Assert.Equal("查处违法行为#起，罚没#万元。", Sentences.Masked("查处违法行为81起，罚没12.5万元。"));
        Assert.Equal(Sentences.MaskedHash("查处违法行为81起，罚没12.5万元。"), Sentences.MaskedHash("查处违法行为95起，罚没1,030万元。"));
        Assert.NotEqual(Sentences.MaskedHash("查处违法行为81起。"), Sentences.MaskedHash("查处违规行为81起。"));
    }

    [Fact]
    public void Figures_are_found_with_their_place_in_the_sentence()
    {
        var figures = Sentences.Figures("2024年查处８１起，合格率97.32%，共1,200件，第3，4季度");

        Assert.Equal(["2024", "８１", "97.32", "1,200", "3", "4"], figures.Select(f => f.Text));
        Assert.Equal(7, figures[1].Start);
    }
}
