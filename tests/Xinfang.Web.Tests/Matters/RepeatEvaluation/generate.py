#!/usr/bin/env python3
"""Writes pairs.json: labelled pairs of Chinese petitions for evaluating repeat detection (issue 14).

Deterministic (seeded); run `python3 generate.py` in this folder to regenerate. Each pair is an earlier matter (a) and
a later one (b) with the label "is b a repeat (重复信访) of a": the same petitioner on the same matter.

Kinds, 125 pairs each:
  reworded        positive  same person, same matter, told again in other words (another template, synonyms)
  new-details     positive  same person, same matter, re-submitted with what happened since (new sentences, new demand)
  same-person     negative  same person, a different matter (half of them in the same topic family: another employer,
                            another year's different problem at the same home)
  same-topic      negative  different people, the same kind of problem, often in the same place and winter
                            (many heating complaints from one compound)
Identity is given as the keys the system compares: ID number, phone, name, address. Some positives carry no ID
number (phone and name only, or name and address only), as happens with letters and phone calls; some negatives of
kind same-topic share a surname or a household phone (a family), which the detector must not take for one person.
The texts are written from templates per topic with several voices each; nothing here reads the detector's code or
weights, and the set was generated once, not adjusted after seeing the detector's results.
"""
import json
import random

rng = random.Random(20261208)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰红梅建国志军海燕春兰德福秀英"
COMPOUNDS = ["幸福小区", "凤凰苑", "阳光花园", "新华里", "锦绣家园", "公园一号", "康居小区", "银河湾", "翠湖山庄", "东方明珠苑", "润泽园", "长安府"]
ROADS = ["凤凰路", "新华路", "人民路", "前进路", "胜利街", "振兴路", "北屯路", "西飞大道"]
EMPLOYERS = ["宏达建筑公司", "鑫源劳务公司", "华兴装饰公司", "永盛物流公司", "恒通机械厂", "瑞丰建材厂", "金桥物业公司"]
VILLAGES = ["武屯村", "关山村", "北屯村", "新兴村", "康桥村", "振兴村"]
SCHOOLS = ["凤凰路小学", "第二中学", "实验小学", "育才中学"]


def person():
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return {
        "name": name,
        "idNumber": "6101141" + str(rng.randint(950, 999)) + str(rng.randint(1000000, 9999999)) + str(rng.randint(0, 9)),
        "phone": "1" + rng.choice("3589") + str(rng.randint(100000000, 999999999)),
        "address": f"阎良区{rng.choice(ROADS)}{rng.choice(COMPOUNDS)}{rng.randint(1, 30)}号楼{rng.randint(1, 6)}单元",
    }


def facts(topic):
    return {
        "compound": rng.choice(COMPOUNDS), "building": rng.randint(1, 30), "temp": rng.randint(10, 16),
        "employer": rng.choice(EMPLOYERS), "amount": rng.choice([8000, 12000, 15600, 20000, 36000, 48000]),
        "months": rng.randint(2, 8), "village": rng.choice(VILLAGES), "area": rng.choice([1.2, 2.5, 3.8, 5.6]),
        "school": rng.choice(SCHOOLS), "fee": rng.choice([1.8, 2.2, 2.5, 3.0]), "road": rng.choice(ROADS),
        "hour": rng.choice([22, 23, 0, 1]), "years": rng.randint(2, 10),
    }


# Each topic: category, title variants, content voices (each a full telling), demands, later developments.
TOPICS = {
    "heating": ("urban-construction.heating",
        ["反映小区暖气不热", "供暖温度不达标", "冬季取暖问题", "暖气不热要求退费"],
        ["本人住在{compound}{building}号楼，入冬以来室内温度只有{temp}度左右，暖气片摸着是凉的，多次找物业和热力公司，一直没有解决。",
         "{compound}{building}号楼今年供暖不达标，家里温度{temp}度，老人孩子都冻感冒了，物业说是热力公司的事，热力公司又推给物业。",
         "我家在{compound}，{building}号楼整栋楼暖气都不热，测过室温才{temp}度，交了全额供暖费却达不到标准，反映多次没人管。",
         "自十一月供暖开始，{compound}{building}号楼室内温度长期在{temp}度上下，远低于规定标准，热力公司上门看过一次后再无下文。"],
        ["要求热力公司尽快整改，保证室温达标", "要求退还部分供暖费", "请求督促物业和热力公司解决供暖问题"],
        ["上周热力公司来人放了气，但只热了两天又不行了。", "物业现在干脆不接电话了。", "楼里已经有好几户老人住院了。", "我们自己买了温度计，每天记录，最低只有{temp}度。"]),
    "wages": ("labour.wages",
        ["讨要拖欠工资", "反映包工头欠薪", "农民工工资被拖欠", "请求追讨欠薪"],
        ["本人在{employer}承包的工地干活，工程完工后包工头拖欠我工资{amount}元，已经{months}个月了，多次讨要未果。",
         "我在{employer}的项目上打工，老板一直拖着不发工资，共欠{amount}元，找了{months}个月，总是推说甲方没给钱。",
         "{employer}拖欠我们班组工资，我个人被欠{amount}元，干完活{months}个月了分文未付，家里等着这笔钱过日子。",
         "去年在{employer}工地务工，约定干完结清，结果至今欠款{amount}元未付，打电话不接，去公司找也找不到负责人。"],
        ["要求支付拖欠的工资{amount}元", "请劳动部门帮助追讨欠薪", "要求公司结清工资"],
        ["劳动监察大队已经受理，但{months}个月没有结果。", "包工头现在换了手机号，人也找不到了。", "公司说要等工程审计完才给钱。", "我们已经申请了劳动仲裁。"]),
    "fee": ("urban-construction.property",
        ["反映物业乱收费", "物业费上涨不合理", "物业服务差还涨价"],
        ["{compound}物业未经业主大会同意，把物业费从每平米{fee}元涨了价，服务却越来越差，电梯经常坏。",
         "我们{compound}的物业公司擅自提高收费标准，每平米{fee}元的基础上又加了公摊费，业主不交就停水停电。",
         "{compound}物业费涨价没有公示也没有征求意见，每平米已经{fee}元多了，楼道卫生没人管，门禁也是坏的。"],
        ["要求物业公司恢复原收费标准", "要求公开物业费收支", "要求主管部门查处乱收费"],
        ["物业现在开始给不交费的业主家门上贴通知。", "业主委员会去交涉，物业拒绝提供账目。", "电梯上个月又困人了。"]),
    "noise": ("environment.noise",
        ["反映夜间施工噪音扰民", "工地晚上施工太吵", "噪音扰民问题"],
        ["{road}旁边的工地天天施工到晚上{hour}点，打桩声音特别大，周边居民根本没法睡觉。",
         "家住{road}附近，对面工地夜间违规施工，每天搞到{hour}点以后，渣土车来回跑，噪音和灰尘都很严重。",
         "{road}一处在建工地夜里{hour}点还在浇筑混凝土，机器轰鸣，打过环保热线也没用。"],
        ["要求禁止夜间施工", "要求环保部门查处", "要求工地采取降噪措施"],
        ["环保部门来过一次，工地停了两天又开始了。", "现在凌晨还有渣土车进出。", "孩子马上要高考了，根本没法休息。"]),
    "land": ("land.contract",
        ["反映土地承包纠纷", "承包地被占用", "土地流转款未付"],
        ["本人是{village}村民，家里{area}亩承包地被村里收回流转给企业，流转款{years}年来一直没有足额发放。",
         "{village}村委会未经我同意把我家的{area}亩地调整给别人，承包合同还在有效期内，多次找村干部没有答复。",
         "我在{village}有{area}亩承包地，企业占地建厂房，说好的补偿款至今没有兑现，已经拖了{years}年。"],
        ["要求归还承包地", "要求足额支付土地流转款", "要求按合同给予补偿"],
        ["镇上调解过一次，村里不认可调解结果。", "企业已经开始在地上建围墙了。", "村干部说这是集体决定，个人不能反对。"]),
    "school": ("education.enrolment",
        ["反映孩子入学难", "子女就近入学问题", "学区划分不合理"],
        ["我们住在{compound}，按规定应划入{school}学区，但今年孩子报名被告知不在片区内，只能去很远的学校。",
         "孩子今年该上学了，{compound}明明离{school}最近，教育局却把我们划到别的片区，每天上学要坐四十分钟车。",
         "{compound}的适龄儿童今年不能在{school}入学，学区划分变了也没有提前公示，家长们都很着急。"],
        ["要求孩子就近到{school}入学", "要求公开学区划分依据", "要求教育局重新划分学区"],
        ["教育局答复说今年学位已满。", "开学已经两周了，孩子还没有学校上。", "我们递交了房产证和户口本，还是不行。"]),
    "pension": ("social-security.pension",
        ["反映养老金待遇问题", "退休金计算有误", "养老保险缴费年限认定"],
        ["本人在原{employer}工作{years}年，退休时社保部门只认定了部分工龄，养老金明显偏低。",
         "我退休后领取的养老金比同期同岗位的同事少很多，原因是{employer}当年漏缴了{years}年社保，社保局说单位已注销无法补缴。",
         "在{employer}工作期间的{years}年工龄没有计入缴费年限，导致我每月退休金少了好几百元，找社保局多次没有结果。"],
        ["要求重新核定养老金", "要求认定{years}年视同缴费年限", "要求补缴社保"],
        ["社保局说要找到原单位的档案才行。", "档案馆说当年的档案已经找不到了。", "我已经七十岁了，等不起。"]),
    "road": ("urban-construction.roads",
        ["反映道路破损", "路面坑洼积水", "道路年久失修"],
        ["{road}从{compound}门口到路口这一段路面坑坑洼洼，下雨就积水，已经有好几个人骑车摔倒了。",
         "{compound}门前的{road}路段多年没有维修，坑洞越来越大，晚上路灯也不亮，出行很危险。",
         "{road}靠近{compound}的路面塌陷了一块，一直拿几个锥桶围着，几个月了也没人来修。"],
        ["要求尽快维修路面", "要求修好路灯", "要求设置警示标志并维修"],
        ["上周又有一辆电动车在坑里翻了。", "城管来拍了照就走了。", "现在坑越来越大，汽车都得绕行。"]),
}
FAMILY = {"heating": "home", "fee": "home", "road": "home", "noise": "home", "school": "home",
          "wages": "work", "pension": "work", "land": "land"}


def fill(text, f):
    return text.format(**f)


def matter(topic, f, who, voice=None, on=None, extra=None, demand=None):
    category, titles, voices, demands, later = TOPICS[topic]
    voice = rng.randrange(len(voices)) if voice is None else voice
    content = fill(voices[voice], f)
    if extra:
        content += extra
    return {
        "persons": who,
        "title": rng.choice(titles),
        "content": content,
        "demands": [fill(demand or rng.choice(demands), f)],
        "categoryCode": category,
        "location": f["road"],
        "receivedOn": on,
        "voice": voice,
    }


def day(year, month, d):
    return f"{year}-{month:02d}-{d:02d}"


def strip_identity(p, keep):
    """The same person as another channel records them: some fields missing."""
    return {k: (v if k in keep else None) for k, v in p.items()}


pairs = []


def add(kind, label, a, b):
    a.pop("voice"), b.pop("voice")
    pairs.append({"id": len(pairs) + 1, "kind": kind, "repeat": label, "a": a, "b": b})


topics = list(TOPICS)
for i in range(125):
    # reworded: another voice, another title, sometimes recorded without an ID number the second time
    t = topics[i % len(topics)]
    p, f = person(), facts(t)
    a = matter(t, f, [p], on=day(2025, rng.randint(1, 6), rng.randint(1, 28)))
    voices = len(TOPICS[t][2])
    b_person = p if i % 4 else strip_identity(p, {"name", "phone"} if i % 8 else {"name", "address"})
    b = matter(t, f, [b_person], voice=(a["voice"] + 1 + rng.randrange(voices - 1)) % voices, on=day(2025, rng.randint(7, 12), rng.randint(1, 28)))
    add("reworded", True, a, b)

for i in range(125):
    # new details: same telling plus what happened since, and a new demand; months or a year later
    t = topics[(i * 3) % len(topics)]
    p, f = person(), facts(t)
    a = matter(t, f, [p], on=day(2024, rng.randint(1, 12), rng.randint(1, 28)))
    later = TOPICS[t][4]
    extra = "现在的情况是：" + "".join(fill(s, f) for s in rng.sample(later, k=min(2, len(later))))
    b_person = p if i % 5 else strip_identity(p, {"name", "phone", "address"})
    b = matter(t, f, [b_person], voice=a["voice"] if i % 2 else None, on=day(2025, rng.randint(1, 12), rng.randint(1, 28)), extra=extra)
    add("new-details", True, a, b)

for i in range(125):
    # the same person, another matter; half in the same family of topics (home: heating then property fee, …)
    t = topics[i % len(topics)]
    if i % 2:
        same_family = [u for u in topics if FAMILY[u] == FAMILY[t] and u != t]
        u = rng.choice(same_family) if same_family else rng.choice([x for x in topics if x != t])
    else:
        u = rng.choice([x for x in topics if x != t])
    p = person()
    f, g = facts(t), facts(u)
    g["compound"] = f["compound"]  # one home: the same compound and road in both
    g["road"] = f["road"]
    a = matter(t, f, [p], on=day(2024, rng.randint(1, 12), rng.randint(1, 28)))
    b = matter(u, g, [p], on=day(2025, rng.randint(1, 12), rng.randint(1, 28)))
    add("same-person", False, a, b)

for i in range(125):
    # different people, the same kind of problem: one winter's heating complaints from one compound, or the same
    # employer's workers; some share a surname, a few a household phone (spouses) with their own ID numbers
    t = "heating" if i % 2 == 0 else topics[i % len(topics)]
    p, q = person(), person()
    if i % 5 == 0:
        q["name"] = p["name"][0] + q["name"][1:]
    if i % 10 == 3:
        q["phone"] = p["phone"]
        q["address"] = p["address"]
    f = facts(t)
    g = dict(f)
    g["building"] = rng.randint(1, 30)
    g["temp"] = rng.randint(10, 16)
    g["amount"] = rng.choice([8000, 12000, 15600, 20000, 36000, 48000])
    a = matter(t, f, [p], on=day(2025, 11, rng.randint(15, 30)))
    b = matter(t, g, [q], on=day(2025, 12, rng.randint(1, 28)))
    add("same-topic", False, a, b)

with open("pairs.json", "w", encoding="utf-8") as out:
    json.dump(pairs, out, ensure_ascii=False, indent=1)
print(len(pairs), "pairs")
