using Xinfang.Domain.Intake;

namespace Xinfang.Domain.Tests.Intake;

// Words are given already segmented (jieba runs in the web layer), so the rules are tested on their own.
public sealed class RepeatDetectionTests
{
    private static readonly DateOnly Today = new(2025, 12, 10);
    private static readonly Guid Street = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    private static readonly PersonKeys Liu = new(["id:liu"], ["phone:liu"], ["刘建国"], ["刘建国|凤凰路3号楼"]);
    private static readonly PersonKeys Wang = new(["id:wang"], ["phone:wang"], ["王芳"], ["王芳|凤凰路5号楼"]);

    private static readonly string[] Heating = W("小区 供暖 温度 不 达标 室内 低于 18 度 物业 供热 公司 整改 退还 供暖费");
    private static readonly string[] HeatingReworded = W("入冬 室内 温度 一直 低于 18 度 找 物业 供热 公司 没有 解决 要求 整改 退还 供暖费");
    private static readonly string[] Wages = W("建筑 工地 包工头 拖欠 工资 三个月 讨要 未果 追讨 欠薪");

    private static string[] W(string words) => words.Split(' ');

    private static RepeatProbe Probe(PersonKeys persons, string[] words, string[]? address = null, string? respondent = null) =>
        new(Today, persons, words, address ?? [], "heating", Street, respondent);

    private static PriorMatter Prior(PersonKeys persons, string[] words, PriorStanding standing = PriorStanding.Open, DateOnly? on = null,
                                     string number = "610114-2025-000001", string[]? address = null, string? respondent = null) =>
        new(Guid.NewGuid(), number, on ?? Today.AddDays(-30), persons, words, address ?? [], "heating", Street, respondent, standing);

    private static RepeatCandidate Score(RepeatProbe probe, PriorMatter prior) => RepeatDetection.Score(probe, prior, DocumentFrequencies.Uniform);

    [Fact]
    public void The_same_person_on_the_same_matter_reworded_is_a_repeat_with_its_reasons()
    {
        var found = RepeatDetection.Find(Probe(Liu, HeatingReworded), [Prior(Liu, Heating)], DocumentFrequencies.Uniform);

        var candidate = Assert.Single(found);
        Assert.True(candidate.Score >= RepeatDetection.DefaultThreshold);
        Assert.Contains("同一身份证号", candidate.Reasons);
        Assert.Contains(candidate.Reasons, r => r.StartsWith("诉求相似度 0.", StringComparison.Ordinal) && r.Contains("供暖费", StringComparison.Ordinal));
        Assert.Contains("同一问题属地", candidate.Reasons);
        Assert.Contains("30 天前登记", candidate.Reasons);
    }

    [Fact]
    public void The_same_person_with_another_problem_is_not_a_repeat() =>
        Assert.Empty(RepeatDetection.Find(Probe(Liu, Wages), [Prior(Liu, Heating)], DocumentFrequencies.Uniform));

    [Fact]
    public void Another_person_with_the_same_words_is_not_a_repeat_however_close()
    {
        var candidate = Score(Probe(Wang, Heating), Prior(Liu, Heating));

        Assert.True(candidate.Score < RepeatDetection.DefaultThreshold, $"{candidate.Score}");
        Assert.Equal(1, candidate.Similarity, precision: 6);
    }

    [Fact]
    public void Two_different_id_numbers_are_two_people_even_with_one_name_and_one_phone()
    {
        var brother = new PersonKeys(["id:brother"], ["phone:liu"], ["刘建国"], []);

        Assert.DoesNotContain("同一联系电话", Score(Probe(brother, Heating), Prior(Liu, Heating)).Reasons);
        Assert.True(Score(Probe(brother, Heating), Prior(Liu, Heating)).Score < RepeatDetection.DefaultThreshold);
    }

    [Fact]
    public void Without_an_id_number_the_same_name_and_address_identifies_the_person()
    {
        var noId = new PersonKeys([], [], ["刘建国"], ["刘建国|凤凰路3号楼"]);

        var candidate = Score(Probe(noId, HeatingReworded), Prior(Liu, Heating));

        Assert.Contains("同一姓名和住址", candidate.Reasons);
        Assert.True(candidate.Score >= RepeatDetection.DefaultThreshold);
    }

    [Fact]
    public void A_shared_household_phone_alone_needs_a_closer_text_than_an_id_number()
    {
        var spouse = new PersonKeys([], ["phone:liu"], ["张丽"], []);
        var (text, threshold) = (W("小区 供暖 温度 物业 电梯 维修 费用 公示"), RepeatDetection.DefaultThreshold);

        Assert.True(Score(Probe(spouse, HeatingReworded), Prior(Liu, Heating)).Score >= threshold);
        Assert.True(Score(Probe(spouse, text), Prior(Liu, Heating)).Score < threshold);
        Assert.True(Score(Probe(Liu, text), Prior(Liu, Heating)).Score >= Score(Probe(spouse, text), Prior(Liu, Heating)).Score + 0.2);
    }

    [Fact]
    public void Address_words_say_who_not_what_and_do_not_make_texts_similar()
    {
        string[] address = ["凤凰路", "3号楼"];
        var a = Score(Probe(Liu, [.. Wages, .. address], address), Prior(Liu, [.. Heating, .. address], address: address));
        var b = Score(Probe(Liu, Wages), Prior(Liu, Heating));

        Assert.Equal(b.Similarity, a.Similarity, precision: 6);
    }

    [Fact]
    public void Rare_words_weigh_more_than_words_every_complaint_shares()
    {
        var frequencies = new DocumentFrequencies(1000, new Dictionary<string, int> { ["供暖"] = 400, ["不热"] = 300, ["锅炉房"] = 2, ["三号"] = 3 });
        var probe = Probe(Liu, W("供暖 不热 锅炉房 三号"));

        var rare = RepeatDetection.Score(probe, Prior(Liu, W("锅炉房 三号 漏水 维修")), frequencies);
        var common = RepeatDetection.Score(probe, Prior(Liu, W("供暖 不热 物业 电梯")), frequencies);

        Assert.True(rare.Similarity > common.Similarity, $"{rare.Similarity} vs {common.Similarity}");
        Assert.Contains(rare.Reasons, r => r.EndsWith("：锅炉房 三号", StringComparison.Ordinal));
    }

    [Fact]
    public void Older_priors_count_less_and_the_same_text_today_ranks_first()
    {
        var recent = Prior(Liu, Heating, number: "610114-2025-000009");
        var old = Prior(Liu, Heating, on: Today.AddYears(-3), number: "610114-2022-000001");

        var found = RepeatDetection.Find(Probe(Liu, Heating), [old, recent], DocumentFrequencies.Uniform);

        Assert.Equal(["610114-2025-000009", "610114-2022-000001"], found.Select(f => f.Number));
        Assert.True(found[0].Score > found[1].Score);
        Assert.Contains("36 个月前登记", found[1].Reasons);
    }

    [Fact]
    public void The_same_facts_after_recheck_propose_declining_as_finalized()
    {
        var candidate = Score(Probe(Liu, HeatingReworded), Prior(Liu, Heating, PriorStanding.Finalized));

        Assert.Equal(RepeatProposal.DeclineFinalized, candidate.Proposal);
        Assert.True(candidate.SameFactsAsFinalized);
        Assert.Contains(candidate.Reasons, r => r.Contains("第三十六条第三款", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_matter_pending_within_its_limit_proposes_declining_as_pending_elsewhere()
    {
        var candidate = Score(Probe(Liu, HeatingReworded), Prior(Liu, Heating, PriorStanding.PendingWithinLimit));

        Assert.Equal(RepeatProposal.DeclinePendingElsewhere, candidate.Proposal);
        Assert.Contains(candidate.Reasons, r => r.Contains("第十九条第三款", StringComparison.Ordinal));
    }

    [Fact]
    public void No_legal_proposal_for_another_person_or_another_problem()
    {
        Assert.Equal(RepeatProposal.None, Score(Probe(Wang, Heating), Prior(Liu, Heating, PriorStanding.Finalized)).Proposal);
        Assert.Equal(RepeatProposal.None, Score(Probe(Liu, Wages), Prior(Liu, Heating, PriorStanding.Finalized)).Proposal);
        Assert.Equal(RepeatProposal.None, Score(Probe(Liu, Heating), Prior(Liu, Heating, PriorStanding.Open)).Proposal);
    }

    [Fact]
    public void A_concluded_prior_of_the_same_person_is_marked_as_repeated_after_handling() =>
        Assert.Contains("原事项已办结：办理后仍重复信访", Score(Probe(Liu, HeatingReworded), Prior(Liu, Heating, PriorStanding.Concluded)).Reasons);

    [Fact]
    public void The_same_respondent_adds_to_the_content()
    {
        var with = Score(Probe(Liu, Wages, respondent: "某建筑公司"), Prior(Liu, Heating, respondent: "某建筑公司"));
        var without = Score(Probe(Liu, Wages), Prior(Liu, Heating));

        Assert.Contains("同一被反映对象", with.Reasons);
        Assert.True(with.Score > without.Score);
    }

    [Fact]
    public void The_same_matter_in_other_words_of_one_meaning_is_a_repeat_and_the_reason_names_the_synonyms()
    {
        // 欠薪 / 拖欠工资, 工头 / 包工头, 劳动监察 / 劳动监察大队: the second telling shares almost no spelling with the first.
        var first = W("工地 包工头 拖欠 工资 12000 元 劳动监察 大队 没有 结果");
        var again = W("反映 工头 欠薪 12000 元 找 劳动监察 无果");
        var plain = Score(Probe(Liu, again), Prior(Liu, W("工地 包工头 欠款 12000 元 监察 没有 结果")));

        var candidate = Score(Probe(Liu, again), Prior(Liu, first));

        Assert.True(candidate.Similarity > plain.Similarity, $"{candidate.Similarity} vs {plain.Similarity}");
        Assert.True(candidate.Score >= RepeatDetection.DefaultThreshold, $"{candidate.Score}");
        var reason = Assert.Single(candidate.Reasons, r => r.StartsWith("诉求相似度", StringComparison.Ordinal));
        Assert.Contains("同义：", reason, StringComparison.Ordinal);
        Assert.Contains("拖欠工资≈欠薪", reason, StringComparison.Ordinal);
        Assert.Contains("包工头≈工头", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Synonyms_do_not_make_another_persons_complaint_a_repeat() =>
        Assert.True(Score(Probe(Wang, W("工头 欠薪 12000 元")), Prior(Liu, W("包工头 拖欠 工资 12000 元"))).Score < RepeatDetection.DefaultThreshold);

    [Fact]
    public void A_spelling_of_several_words_is_one_concept_and_other_words_stay_as_written()
    {
        var concepts = PetitionVocabulary.Concepts(W("包工头 拖欠 工资 物业 提高 收费 标准 暖气 不热 幸福 小区"));

        Assert.Equal(["包工头", "欠薪", "物业", "涨价", "供暖", "室温不达标", "幸福", "小区"], concepts.Select(c => c.Concept));
        Assert.Equal(["包工头", "拖欠工资", "物业", "提高收费标准", "暖气", "不热", "幸福", "小区"], concepts.Select(c => c.Surface));
        Assert.Equal(["供暖", "暖气", "取暖", "采暖", "供热", "暖气片"], PetitionVocabulary.Spellings("供暖"));
        Assert.Equal(["幸福"], PetitionVocabulary.Spellings("幸福"));
    }

    [Fact]
    public void A_concept_weighs_as_its_commonest_spellings_together()
    {
        var frequencies = new DocumentFrequencies(100, new Dictionary<string, int> { ["暖气"] = 30, ["供暖"] = 30, ["锅炉房"] = 1 });

        Assert.True(frequencies.IdfOfAny(PetitionVocabulary.Spellings("供暖")) < frequencies.Idf("暖气"));
        Assert.Equal(frequencies.Idf("锅炉房"), frequencies.IdfOfAny(["锅炉房"]));
    }

    [Fact]
    public void Empty_texts_are_not_similar() =>
        Assert.Equal(0, Score(Probe(Liu, []), Prior(Liu, Heating)).Similarity);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void A_threshold_outside_zero_to_one_is_a_bug(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepeatDetection.Find(Probe(Liu, Heating), [], DocumentFrequencies.Uniform, threshold));
}
