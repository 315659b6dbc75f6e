package cn.childprotect.cms.exchange;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Tickets extends Repository<Ticket, String> {

    Ticket save(Ticket ticket);

    Optional<Ticket> findById(String ticketNumber);

    List<Ticket> findByCaseId(long caseId);
}
