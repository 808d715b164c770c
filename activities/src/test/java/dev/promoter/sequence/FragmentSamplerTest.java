package dev.promoter.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentSamplerTest {

    private static FastaRecord randomRecord(String id, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        return new FastaRecord(id, "class=16S", sb.toString());
    }

    @Test
    void fragmentsRespectBoundsAndComeFromTheRecord() {
        FastaRecord record = randomRecord("r1", 1500, 1);
        List<FastaRecord> fragments = FragmentSampler.withDefaultLengths(42).sample(record, 200);
        assertThat(fragments).hasSize(200).allSatisfy(f -> {
            assertThat(f.length()).isBetween(150, 500);
            String[] range = f.id().substring("r1/".length()).split("-");
            int start = Integer.parseInt(range[0]);
            int end = Integer.parseInt(range[1]);
            assertThat(f.sequence()).isEqualTo(record.sequence().substring(start - 1, end));
            assertThat(f.attribute("class")).isEqualTo("16S");
        });
    }

    @Test
    void sameSeedSameFragmentsRegardlessOfOrder() {
        FastaRecord a = randomRecord("a", 900, 1);
        FastaRecord b = randomRecord("b", 2000, 2);
        List<FastaRecord> ab = new FragmentSampler(100, 300, 7).sampleAll(List.of(a, b), 3);
        List<FastaRecord> ba = new FragmentSampler(100, 300, 7).sampleAll(List.of(b, a), 3);
        assertThat(ab).containsExactlyInAnyOrderElementsOf(ba);
        assertThat(new FragmentSampler(100, 300, 8).sampleAll(List.of(a, b), 3)).isNotEqualTo(ab);
    }

    @Test
    void shortRecordsYieldNothingAndExactLengthYieldsWholeRecord() {
        FragmentSampler sampler = new FragmentSampler(150, 500, 1);
        assertThat(sampler.sample(randomRecord("s", 149, 3), 5)).isEmpty();
        assertThat(sampler.sample(randomRecord("e", 150, 3), 2)).extracting(FastaRecord::id).containsOnly("e/1-150");
    }
}
