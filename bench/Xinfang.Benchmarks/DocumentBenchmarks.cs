using BenchmarkDotNet.Attributes;
using Xinfang.Domain.Matters;
using Xinfang.Web.Documents;
using Xinfang.Web.Features.Matters;
using Xinfang.Web.Features.Notices;

namespace Xinfang.Benchmarks;

/// <summary>
/// The Word document of a 信访处理意见书 as the issuing step writes it (template filled, laid out by
/// <see cref="DocxWriter"/>), against writing the same bytes to a file: the least a stored document can cost.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private NoticeTemplateText _template = null!;
    private Dictionary<string, string> _fields = null!;
    private byte[] _bytes = null!;
    private string _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _template = TemplateStore.Shipped()[NoticeFields.KeyOf(NoticeKind.HandlingOpinion)];
        _fields = new Dictionary<string, string>
        {
            ["文书"] = "信访处理意见书", ["文号"] = "阎人社复〔2025〕118号", ["发文日期"] = "2025年12月1日", ["发文单位"] = "阎良区人力资源和社会保障局",
            ["信访件编号"] = "610114-2025-000123", ["信访人"] = "张三", ["信访日期"] = "2025年9月20日", ["信访形式"] = "来信", ["信访目的"] = "申诉求决",
            ["事项"] = "讨要拖欠工资", ["诉求"] = "1. 支付拖欠的工资两万元；2. 赔偿误工损失", ["受理日期"] = "2025年9月30日", ["处理结论"] = "支持",
            ["查明事实"] = "经调查核实", ["法律依据"] = "《保障农民工工资支付条例》第十八条", ["处理意见"] = "责令施工单位于十五日内足额支付拖欠工资；误工损失请求不予支持。",
            ["逐项意见"] = "（一）关于“支付拖欠的工资两万元”的诉求。经查，拖欠工资两万元属实。依据《保障农民工工资支付条例》第十八条，处理意见为：支持。\n"
                + "（二）关于“赔偿误工损失”的诉求。经查，未提供误工损失的证据。依据《中华人民共和国劳动合同法》第八十五条，处理意见为：不予支持。",
            ["救济途径"] = "如不服本处理意见，可自收到本意见书之日起三十日内向阎良区委区政府提出复查请求（《信访工作条例》第三十五条）。",
        };
        _bytes = DocxWriter.Write(NoticeDocuments.Compose(_template, _fields));
        _file = Path.Combine(Path.GetTempPath(), $"xinfang-bench-{Environment.ProcessId}.docx");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    /// <summary>The same bytes written to disk: what storing an already rendered document costs at least.</summary>
    [Benchmark(Baseline = true)]
    public void Write_the_same_bytes_to_disk() => File.WriteAllBytes(_file, _bytes);

    [Benchmark]
    public byte[] Render_handling_opinion_docx() => DocxWriter.Write(NoticeDocuments.Compose(_template, _fields));

    [Benchmark]
    public string Render_handling_opinion_print_view() => HtmlWriter.Write(NoticeDocuments.Compose(_template, _fields), "信访处理意见书", null, null);
}
