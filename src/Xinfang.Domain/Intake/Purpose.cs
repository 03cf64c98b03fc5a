namespace Xinfang.Domain.Intake;

// 《信访工作条例》第二十九条至第三十一条: the three purposes decide how a matter is handled.
public enum Purpose
{
    Suggestion,
    Accusation,
    Claim,
}
