package dev.promoter.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderAttributesTest {

    @Test
    void parsesDatasetHeaderAttributesInOrder() {
        assertThat(HeaderAttributes.parse("class=16S source=silva-ssu-93"))
                .containsExactly(java.util.Map.entry("class", "16S"), java.util.Map.entry("source", "silva-ssu-93"));
    }

    @Test
    void ignoresFreeTextAndKeepsEmptyValues() {
        assertThat(HeaderAttributes.parse("Escherichia coli  class=16S note="))
                .containsEntry("class", "16S").containsEntry("note", "").hasSize(2);
        assertThat(HeaderAttributes.parse("")).isEmpty();
    }

    @Test
    void rejectsRepeatedAndEmptyKeys() {
        assertThatThrownBy(() -> HeaderAttributes.parse("class=16S class=18S")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> HeaderAttributes.parse("=16S")).hasMessageContaining("empty attribute key");
    }

    @Test
    void recordLooksUpLabel() {
        FastaRecord record = new FastaRecord("X", "class=5S source=rfam", "ACGT");
        assertThat(record.attribute("class")).isEqualTo("5S");
        assertThatThrownBy(() -> record.attribute("taxon")).hasMessageContaining("no attribute 'taxon'");
    }
}
