package dev.glassbox.compiler;

import dev.glassbox.compiler.allocation.Allocation;
import dev.glassbox.compiler.allocation.LayerAllocation;
import dev.glassbox.compiler.assemble.ModelAssembly;
import dev.glassbox.compiler.bases.Bases;
import dev.glassbox.compiler.bases.BasisInference;
import dev.glassbox.compiler.craft.CraftBuilder;
import dev.glassbox.compiler.craft.CraftProgram;
import dev.glassbox.compiler.graph.ProgramGraph;
import dev.glassbox.compiler.validate.ProgramValidator;
import dev.glassbox.model.compiled.CompiledModel;
import dev.glassbox.rasp.SOp;

/**
 * Compiles a RASP program into the weights of a decoder-only transformer, stage by stage:
 *
 * <pre>
 *   program ─ graph ─ validate ─ value sets &amp; bases ─ validate values ─ craft blocks ─ allocate layers ─ assemble
 * </pre>
 *
 * Each stage is a package with one entry point. {@link CompileOptions.Mode#TRACR_COMPAT} reproduces the
 * original Tracr compiler (shapes and faults); the default mode is exact where the original is silently
 * wrong and never larger (docs/compiler.md lists every difference).
 */
public final class RaspCompiler {
    private RaspCompiler() {}

    /**
     * @throws CompileException naming each expression that cannot be compiled, why, and what to do
     */
    public static CompiledModel compile(SOp program, CompileOptions options) {
        ProgramGraph graph = ProgramGraph.extract(program);
        ProgramValidator.checkStructure(graph, options);
        Bases bases = BasisInference.infer(graph, options);
        ProgramValidator.checkValues(bases, options);
        CraftProgram craft = CraftBuilder.build(bases, options);
        Allocation allocation = LayerAllocation.allocate(craft);
        return ModelAssembly.assemble(craft, allocation);
    }
}
