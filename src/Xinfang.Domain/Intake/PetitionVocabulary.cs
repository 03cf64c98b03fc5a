namespace Xinfang.Domain.Intake;

/// <summary>
/// Words that petitioners and clerks use for one thing: the same person tells the same matter again as "欠薪" one
/// time and "拖欠工资" the next, "暖气不热" then "室温不达标". Repeat detection compares concepts, not spellings, and
/// says which spellings it took for one (同义：欠薪≈拖欠工资). This is domain data, kept small and certain: every
/// group is words a bureau's staff read as the same in a petition. Words that only sound alike in one context (达标,
/// 地, 老板) are left out, because a false "same" makes two different matters look like one.
/// </summary>
public static class PetitionVocabulary
{
    // The first word of each group names the concept. A member may be several jieba words ("拖欠工资" is cut as 拖欠 +
    // 工资), matched as consecutive words with stop words already removed ("拖欠我工资" → 拖欠 工资).
    private static readonly string[][] Groups =
    [
        // Wages (劳动保障)
        ["欠薪", "拖欠工资", "欠工资", "工资拖欠", "讨薪", "讨要工资", "追讨欠薪", "欠发工资", "拖欠薪资", "拖欠工钱", "欠工钱", "不发工资"],
        ["工资", "工钱", "薪水", "薪资", "劳务费"],
        ["包工头", "工头", "包工老板"],
        ["劳动监察", "劳动监察大队", "劳动保障监察", "劳动保障监察大队"],
        ["劳动仲裁", "仲裁"],

        // Heating (供热)
        ["供暖", "暖气", "取暖", "采暖", "供热", "暖气片"],
        ["室温不达标", "不热", "温度不达标", "室温低", "温度低", "室温偏低", "温度偏低"],
        ["热力公司", "供热公司", "热力站", "供热企业"],
        ["供暖费", "取暖费", "采暖费", "暖气费", "供热费"],

        // Property management (物业)
        ["物业", "物业公司", "物管", "物业服务企业", "物业管理公司"],
        ["物业费", "物业服务费", "物业管理费", "物管费"],
        ["涨价", "提价", "上涨", "加价", "提高收费", "提高收费标准", "擅自提价"],
        ["乱收费", "违规收费", "擅自收费", "多收费"],
        ["退费", "退款", "退钱", "退还", "返还"],

        // Noise and construction (环境)
        ["噪音", "噪声", "太吵", "吵闹", "轰鸣"],
        ["扰民", "影响休息", "无法休息", "没法休息", "没法睡觉", "无法入睡", "睡不着"],
        ["夜间", "晚上", "夜里", "深夜", "半夜"],
        ["工地", "施工现场", "在建工地", "建筑工地"],
        ["环保部门", "环保局", "生态环境局", "生态环境部门"],
        ["城管", "城管局", "城市管理局", "综合执法局"],
        ["违建", "违章建筑", "违法建筑", "违章搭建", "私搭乱建"],

        // Roads (市政)
        ["道路", "路面", "马路", "路段"],
        ["破损", "坑洼", "坑坑洼洼", "坑洞", "塌陷", "年久失修"],
        ["维修", "修复", "修缮", "整修", "修好", "修"],
        ["积水", "内涝", "排水不畅"],

        // Land (土地)
        ["承包地", "责任田", "承包土地", "口粮田"],
        ["流转款", "流转费", "土地流转款", "土地流转费", "流转金"],
        ["补偿款", "补偿金", "补偿费", "补偿"],
        ["占用", "占地", "侵占", "强占", "被占"],
        ["村委会", "村委", "村民委员会", "村里", "村干部"],
        ["拆迁", "征收", "征迁"],

        // Schooling (教育)
        ["入学", "上学", "就读", "就近入学"],
        ["学区", "片区", "招生片区", "施教区"],
        ["教育局", "教育部门", "教体局", "教育主管部门"],

        // Pensions (社会保障)
        ["养老金", "退休金", "养老待遇", "退休工资", "退休待遇", "养老保险待遇"],
        ["缴费年限", "工龄", "视同缴费年限", "连续工龄"],
        ["社保", "社会保险", "养老保险"],
        ["社保局", "社保部门", "社保中心", "人社局", "人社部门"],
    ];

    // A member is at most this many consecutive words; enough for "拖欠" "工资" and "提高" "收费" "标准".
    private const int MaxWords = 4;

    private static readonly (Dictionary<string, string> ConceptOf, Dictionary<string, string[]> Members, int Longest) Table = Build();

    /// <summary>
    /// The words with every spelling of a concept replaced by the concept, longest match first, each with the words
    /// as written: (concept, surface). A word in no group is its own concept.
    /// </summary>
    public static IReadOnlyList<(string Concept, string Surface)> Concepts(IReadOnlyList<string> words)
    {
        var result = new List<(string, string)>(words.Count);
        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            string? concept = null;
            var joined = "";
            for (var n = 1; n <= MaxWords && i + n <= words.Count; n++)
            {
                joined += words[i + n - 1];
                if (joined.Length > Table.Longest)
                {
                    break;
                }

                if (Table.ConceptOf.TryGetValue(joined, out var c))
                {
                    (matched, concept) = (n, c);
                }
            }

            if (concept is null)
            {
                result.Add((words[i], words[i]));
                i++;
            }
            else
            {
                result.Add((concept, string.Concat(words.Skip(i).Take(matched))));
                i += matched;
            }
        }

        return result;
    }

    /// <summary>Every spelling of a concept (itself alone for a word in no group): what its document frequency sums.</summary>
    public static IReadOnlyList<string> Spellings(string concept) => Table.Members.TryGetValue(concept, out var m) ? m : [concept];

    private static (Dictionary<string, string>, Dictionary<string, string[]>, int) Build()
    {
        var conceptOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var longest = 0;
        foreach (var group in Groups)
        {
            members.Add(group[0], group);
            foreach (var word in group)
            {
                // One spelling, one concept: a word in two groups would join them silently.
                conceptOf.Add(word, group[0]);
                longest = Math.Max(longest, word.Length);
            }
        }

        return (conceptOf, members, longest);
    }
}
