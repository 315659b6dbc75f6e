package cn.childprotect.cms.intake.web;

import java.util.Arrays;
import java.util.List;

import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.ReportTaxonomy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The intake taxonomy of config/taxonomy.yml, for forms and clients. */
@RestController
class TaxonomyController {

    private final ReportTaxonomy taxonomy;

    TaxonomyController(ReportTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    record ChannelEntry(String code, String name) {
    }

    record TaxonomyResponse(List<ReportTaxonomy.Category> categories,
            List<ReportTaxonomy.InstitutionTypeEntry> institutionTypes, List<ChannelEntry> channels) {
    }

    @GetMapping("/api/v1/taxonomy/report-categories")
    TaxonomyResponse categories() {
        return new TaxonomyResponse(taxonomy.categories(), taxonomy.institutionTypes(),
                Arrays.stream(Channel.values()).map(c -> new ChannelEntry(c.name(), c.label())).toList());
    }
}
